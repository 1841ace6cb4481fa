package org.jobboard.postings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.security.Caller;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.OrganizationProfile;
import org.jobboard.postings.repository.OrganizationRepository;

import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class OrganizationService {
    @Inject
    OrganizationRepository organizations;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Admins provision organizations; the id may be given to match the one already set on recruiters in Keycloak. */
    public Organization create(UUID requestedId, OrganizationProfile profile) {
        UUID id = requestedId == null ? Ids.newUuid() : requestedId;
        if (organizations.findByIdOptional(id).isPresent()) {
            throw ApiException.conflict("organization " + id + " already exists");
        }
        Organization organization = new Organization();
        organization.id = id;
        organization.apply(profile);
        organization.createdAt = clock.instant();
        organization.updatedAt = organization.createdAt;
        organizations.persist(organization);
        return organization;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization get(String id) {
        return find(id);
    }

    /** The organization a recruiter may change: only the one its token names; any other id is 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Organization getWritable(String id) {
        String own = caller.requireOrganizationId();
        if (!own.equals(id)) {
            throw ApiException.notFound("organization " + id);
        }
        return find(id);
    }

    /** Replaces the profile of an organization read at {@code expectedVersion} (412 when it changed since). */
    public Organization update(String id, OrganizationProfile profile, long expectedVersion) {
        Organization organization = getWritable(id);
        if (organization.version != expectedVersion) {
            throw ApiException.preconditionFailed("the resource changed since you read it (current ETag \""
                    + organization.version + "\"); read it again and retry");
        }
        organization.apply(profile);
        organization.updatedAt = clock.instant();
        organizations.flush();
        return organization;
    }

    private Organization find(String id) {
        return Ids.parse(id).flatMap(organizations::findByIdOptional)
                .orElseThrow(() -> ApiException.notFound("organization " + id));
    }
}
