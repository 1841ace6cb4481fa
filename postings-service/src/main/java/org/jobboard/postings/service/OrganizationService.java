package org.jobboard.postings.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jobboard.platform.concurrency.IfMatch;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.ProblemMappers;
import org.jobboard.platform.rest.JsonMergePatch;
import org.jobboard.platform.security.Caller;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.mapping.PostingMapper;
import org.jobboard.postings.repository.OrganizationRepository;
import org.jobboard.postings.rest.OrganizationInput;
import org.jobboard.postings.rest.OrganizationView;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class OrganizationService {
    @Inject
    OrganizationRepository organizations;

    @Inject
    PostingMapper mapper;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    /** Admins provision organizations; the id may be given to match the one already set on recruiters in Keycloak. */
    public OrganizationView create(OrganizationInput input) {
        UUID id = input.id() == null ? Ids.newUuid() : UUID.fromString(input.id());
        if (organizations.findByIdOptional(id).isPresent()) {
            throw ApiException.conflict("organization " + id + " already exists");
        }
        Organization organization = new Organization();
        organization.id = id;
        mapper.apply(input, organization);
        organization.createdAt = clock.instant();
        organization.updatedAt = organization.createdAt;
        organizations.persist(organization);
        return mapper.toView(organization);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganizationView get(String id) {
        return mapper.toView(find(id));
    }

    /** A recruiter updates only the organization its token names; any other id is 404. */
    public OrganizationView patch(String id, JsonNode patch, String ifMatch) {
        String own = caller.requireOrganizationId();
        if (!own.equals(id)) {
            throw ApiException.notFound("organization " + id);
        }
        Organization organization = find(id);
        IfMatch.requireMatch(ifMatch, organization.version);
        if (patch == null || !patch.isObject()) {
            throw ApiException.badParameter("body", "must be a JSON object (JSON Merge Patch)");
        }
        if (patch.has("id")) {
            throw ApiException.badParameter("id", "cannot be changed");
        }
        OrganizationInput input;
        try {
            input = json.treeToValue(JsonMergePatch.apply(json.valueToTree(mapper.toInput(organization)), patch),
                    OrganizationInput.class);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.invalidJson(e);
        }
        Set<ConstraintViolation<OrganizationInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        mapper.apply(input, organization);
        organization.updatedAt = clock.instant();
        organizations.flush();
        return mapper.toView(organization);
    }

    private Organization find(String id) {
        return Ids.parse(id).flatMap(organizations::findByIdOptional)
                .orElseThrow(() -> ApiException.notFound("organization " + id));
    }
}
