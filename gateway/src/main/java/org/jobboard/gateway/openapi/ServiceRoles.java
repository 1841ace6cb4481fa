package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.TreeSet;

/**
 * The roles a service's own checks demand of an operation. Each service documents its {@code @RolesAllowed} as the
 * operation's security requirement (its scheme, the roles as the requirement's list); {@code @PermitAll} operations
 * have none. The merged document keeps the realm's schemes only, so the roles move to {@code x-jobboard-roles} and
 * the operation's description.
 */
final class ServiceRoles {
    static final String EXTENSION = "x-jobboard-roles";

    private ServiceRoles() {
    }

    /** The roles any of which lets a caller through; empty when the service names none. */
    static Set<String> of(JsonNode operation) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
        }
        return roles;
    }

    /** Whether the service lets a caller without a token through: it declares no requirement, or an empty one. */
    static boolean anonymousInService(JsonNode operation) {
        JsonNode security = operation.path("security");
        if (!security.isArray() || security.isEmpty()) {
            return true;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static void describe(ObjectNode operation, Set<String> roles) {
        if (roles.isEmpty()) {
            return;
        }
        ArrayNode list = operation.putArray(EXTENSION);
        roles.forEach(list::add);
        String sentence = "Requires a token with the role " + String.join(" or ", roles) + ".";
        String description = operation.path("description").asText("");
        operation.put("description", description.isEmpty() ? sentence : description + " " + sentence);
    }
}
