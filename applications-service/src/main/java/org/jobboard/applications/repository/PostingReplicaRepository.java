package org.jobboard.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.applications.domain.PostingReplica;

import java.util.UUID;

@ApplicationScoped
public class PostingReplicaRepository implements PanacheRepositoryBase<PostingReplica, UUID> {
}
