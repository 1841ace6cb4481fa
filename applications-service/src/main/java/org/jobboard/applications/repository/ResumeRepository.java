package org.jobboard.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.applications.domain.Resume;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ResumeRepository implements PanacheRepositoryBase<Resume, UUID> {

    public Map<UUID, Resume> byApplication(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        List<Resume> resumes = list("applicationId in ?1", applicationIds);
        return resumes.stream().collect(Collectors.toMap(r -> r.applicationId, Function.identity()));
    }
}
