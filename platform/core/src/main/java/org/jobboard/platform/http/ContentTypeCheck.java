package org.jobboard.platform.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.ProblemWriter;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Content-Type that is empty, sent twice or not a media type (RFC 9110 8.3) is the client's 400, naming the header,
 * before anything reads the body: the REST layer would fail on it with a 500 ("Failed to parse media type"), and a
 * multipart reader would follow one header while the REST layer parses by the other.
 */
@ApplicationScoped
public class ContentTypeCheck {
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
    /** Wider than a token: real clients send multipart boundaries with '/', ':', '=' or '?' unquoted. */
    private static final String LENIENT_VALUE = "[^\\s;\"]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + LENIENT_VALUE + "|" + QUOTED + "))*[ \\t]*");

    private static final Pattern EMPTY_PARAMETER = Pattern.compile(";[ \\t]*(" + TOKEN + ")=(?:\"\")?[ \\t]*(?:;|$)");

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(ContentTypeCheck::check);
    }

    static void check(RoutingContext ctx) {
        String problem = problem(ctx.request().headers().getAll(HttpHeaders.CONTENT_TYPE));
        if (problem == null) {
            ctx.next();
            return;
        }
        ProblemWriter.write(ctx, ApiException.badParameter("Content-Type", problem));
    }

    /** What is wrong with the request's Content-Type header lines, or null when there is none or one media type. */
    static String problem(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            return "must be sent once";
        }
        String value = values.get(0).strip();
        if (MEDIA_TYPE.matcher(value).matches()) {
            return null;
        }
        Matcher empty = EMPTY_PARAMETER.matcher(value);
        return empty.find() ? "its " + empty.group(1) + " parameter has no value"
                : "must be a media type such as application/json";
    }
}
