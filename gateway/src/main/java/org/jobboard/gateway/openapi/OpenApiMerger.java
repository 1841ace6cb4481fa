package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobboard.gateway.route.RouteTable;
import org.jobboard.gateway.security.AccessPolicy;

import java.util.List;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into the one integrators use: a list of named transforms, applied in order
 * to an empty document. The gateway is the only server, the Keycloak realm's OAuth2 / OpenID Connect schemes secure
 * it, the route table decides which paths are public and which operations need a token, and every operation gets
 * the rate-limit headers and the error responses it can give (all problem+json).
 */
public final class OpenApiMerger {
    private OpenApiMerger() {
    }

    /** @param routes which paths the gateway serves, from which service, and which without a token */
    public record Settings(String publicUrl, String realmUrl, String version, RouteTable routes) {
    }

    /** @param documents each service's document by upstream name */
    public static ObjectNode merge(Map<String, JsonNode> documents, Settings settings) {
        ObjectNode merged = Refs.JSON.createObjectNode();
        for (DocumentTransform transform : transforms(documents, settings)) {
            transform.apply(merged);
        }
        return merged;
    }

    /** The steps of the merge; the order matters (bounds are stated on the shared schemas too, say). */
    static List<DocumentTransform> transforms(Map<String, JsonNode> documents, Settings settings) {
        return List.of(
                new DescribeTheApi(documents, settings),
                new CopyRoutedServiceParts(documents, settings.routes()),
                new PartialSchemasForMergePatch(),
                new JsonNodeAsAnyValue(),
                new InlineSingleAllOf(),
                new MultipartAsAlternative(),
                new RealmSecuritySchemes(settings.realmUrl()),
                new ProblemComponents(),
                new StateImplicitBounds(),
                new GatewayResponsesOnOperations(new AccessPolicy(settings.routes())),
                new RemoveUnreachableComponents());
    }
}
