package org.jobboard.client;

import org.jobboard.client.model.Problem;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads an error of the Jobboard API as the typed {@link Problem} it is (RFC 9457, with its extension members such as
 * {@code existingApplicationId}). The generated client raises every error status as an {@link ApiException} that
 * carries the body as text; this is the one step from there to the documented type.
 */
public final class Problems {
    private Problems() {
    }

    /** The problem in the exception's body; empty when the body is not problem+json (a network failure, say). */
    public static Optional<Problem> of(ApiException error) {
        String contentType = error.getResponseHeaders() == null ? ""
                : error.getResponseHeaders().firstValue("Content-Type").orElse("");
        String body = error.getResponseBody();
        if (body == null || body.isBlank() || !contentType.startsWith("application/problem+json")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.getDefault().getMapper().readValue(body, Problem.class));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The problem in the exception's body, or an IllegalStateException naming what came instead. */
    public static Problem require(ApiException error) {
        return of(error).orElseThrow(() -> new IllegalStateException("not a problem+json response (status "
                + error.getCode() + "): " + error.getMessage(), error));
    }
}
