package org.jobboard.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.Stage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** Keyset page, newest first; every filter is optional except the scope the caller is limited to. */
    public List<Application> page(Map<String, Object> scope, Stage stage, Instant afterCreatedAt, UUID afterId, int limit) {
        StringBuilder query = new StringBuilder("from Application a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        scope.forEach((field, value) -> {
            query.append(" and a.").append(field).append(" = :").append(field);
            params.put(field, value);
        });
        if (stage != null) {
            query.append(" and a.stage = :stage");
            params.put("stage", stage);
        }
        if (afterCreatedAt != null) {
            query.append(" and (a.createdAt < :afterTime or (a.createdAt = :afterTime and a.id < :afterId))");
            params.put("afterTime", afterCreatedAt);
            params.put("afterId", afterId);
        }
        query.append(" order by a.createdAt desc, a.id desc");
        return find(query.toString(), params).page(0, limit).list();
    }
}
