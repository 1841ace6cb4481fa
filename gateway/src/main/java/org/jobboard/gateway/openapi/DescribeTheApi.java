package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The head of the merged document: the services' OpenAPI version, the API's info, the gateway as the only server,
 * and the empty sections the next steps fill.
 */
final class DescribeTheApi implements DocumentTransform {
    private final Map<String, JsonNode> documents;
    private final OpenApiMerger.Settings settings;

    DescribeTheApi(Map<String, JsonNode> documents, OpenApiMerger.Settings settings) {
        this.documents = documents;
        this.settings = settings;
    }

    @Override
    public void apply(ObjectNode merged) {
        // the services' generator writes OpenAPI 3.1; the merged document keeps their version
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText("3.1.0"))
                .findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Jobboard API");
        info.put("version", settings.version());
        info.put("description", "The public API of Jobboard: postings and organizations, job search, applications. "
                + "Errors are RFC 9457 problem+json naming the field; lists are cursor-paged (`limit`, `cursor`, "
                + "`Link: rel=\"next\"`); writes use ETag/If-Match; POSTs that create honour Idempotency-Key. "
                + "Every response carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; 429 comes with "
                + "Retry-After.");
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        info.putObject("contact").put("name", "Jobboard maintainers").put("url", settings.publicUrl());
        merged.putArray("servers").addObject().put("url", settings.publicUrl())
                .put("description", settings.publicUrl().startsWith("https://") ? "production gateway"
                        : "local development gateway")
                .put("x-internal", false);
        merged.putArray("tags");
        merged.putObject("paths");
        merged.putObject("components").putObject("schemas");
    }
}
