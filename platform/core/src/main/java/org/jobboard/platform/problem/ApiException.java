package org.jobboard.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * The one exception services throw for an expected failure; mapped to problem+json with its status.
 * Factories name the conventions' status codes so call sites read as the rule they enforce.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ApiException(int status, String slug, String title, String detail, List<FieldError> errors,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ApiException badRequest(String detail, List<FieldError> errors) {
        return new ApiException(400, "validation", "Invalid request", detail, errors, null);
    }

    public static ApiException badParameter(String parameter, String message) {
        return badRequest(parameter + ": " + message, List.of(new FieldError(parameter, message)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what + " was not found", null, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, null, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, null, null);
    }

    public static ApiException conflict(String detail, Map<String, Object> extensions) {
        return new ApiException(409, "conflict", "Conflict", detail, null, extensions);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    public static ApiException preconditionRequired() {
        return new ApiException(428, "precondition-required", "Precondition required",
                "this request needs an If-Match header with the current ETag", null, null);
    }

    public static ApiException unprocessable(String detail, List<FieldError> errors) {
        return new ApiException(422, "business-rule", "Unprocessable request", detail, errors, null);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "too-large", "Payload too large", detail, null, null);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail, null, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        Problem problem = new Problem(slug, title, status, getMessage());
        if (!errors.isEmpty()) {
            problem.errors = errors;
        }
        extensions.forEach(problem::with);
        return problem;
    }
}
