package org.jobboard.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.opentelemetry.api.trace.Span;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jobboard.platform.input.InvalidTextException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps every failure a REST endpoint can raise to RFC 9457 problem+json (docs/conventions.md, "Errors"). Written once
 * for all services: the body always has type, title, status, detail and traceId; validation failures name each field.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(ApiException.badRequest(detail, errors).toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("forbidden", "Forbidden", 403, "your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(withContext(new Problem(slug, title, status, detailFor(status, e)), uri));
        // keep headers that tell the client what to do next (e.g. Allow on a 405)
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) == null && uri != null) {
            Set<String> allowed = AllowedMethods.on(uri.getPath());
            if (!allowed.isEmpty()) {
                builder.header(HttpHeaders.ALLOW, String.join(", ", allowed));
            }
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Problem problem = withContext(
                new Problem("internal", "Internal error", 500, "an unexpected error occurred; it has been logged"), uri);
        // the body never carries a stack trace or SQL; the log does, keyed by the trace id
        LOG.errorf(e, "unexpected error on %s (traceId %s)", uri == null ? "?" : uri.getPath(), problem.traceId);
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Response unauthenticated(UriInfo uri) {
        Problem problem = new Problem("unauthorized", "Unauthorized", 401,
                "a valid bearer token is required");
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(withContext(problem, uri)).build();
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        return respond(invalidJson(e).toProblem(), uri);
    }

    /** A body that does not parse or bind, as a 400 naming the field (also for JSON bound by hand, e.g. merge patch). */
    public static ApiException invalidJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "";
        String message;
        if (e instanceof InvalidTextException text) {
            message = text.reason();
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "must be " + describe(mismatched.getTargetType());
        } else {
            message = "is not valid JSON";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return ApiException.badRequest(field + " " + message, List.of(new FieldError(field, message)));
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type) || java.util.Set.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a valid " + type.getSimpleName();
    }

    static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "create.request.salary.max" becomes "salary.max"; a query parameter keeps its own name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> afterParameter = new ArrayList<>();
        String parameter = null;
        boolean seenParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                seenParameter = true;
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (!seenParameter && node.getKind() != ElementKind.PROPERTY) {
                continue;
            }
            String name = node.getName();
            // container elements ("<list element>") only carry the index of their parent
            afterParameter.add(name == null || name.startsWith("<") ? "" : name);
            if (node.getIndex() != null && !afterParameter.isEmpty()) {
                // a list element's property: locations[0].city
                int last = afterParameter.size() - 2;
                if (last >= 0) {
                    afterParameter.set(last, afterParameter.get(last) + "[" + node.getIndex() + "]");
                }
            }
        }
        String joined = afterParameter.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("."));
        if (!joined.isEmpty()) {
            return joined;
        }
        return parameter == null ? "body" : parameter;
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "none of the accepted media types can be produced";
            case 415 -> "this media type is not accepted here";
            default -> e.getMessage() == null ? "request failed" : e.getMessage();
        };
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(withContext(problem, uri)).build();
    }

    private static Problem withContext(Problem problem, UriInfo uri) {
        if (uri != null && problem.instance == null) {
            problem.instance = uri.getPath();
        }
        problem.traceId = currentTraceId();
        return problem;
    }

    public static String currentTraceId() {
        var context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
