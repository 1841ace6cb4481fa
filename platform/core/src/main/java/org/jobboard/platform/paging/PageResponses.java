package org.jobboard.platform.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A page as a response: the body plus {@code Link: <...>; rel="next"} when there is a next page. */
public final class PageResponses {
    private PageResponses() {
    }

    public static Response of(Page<?> page, UriInfo uri) {
        return of(page, page.nextCursor(), uri);
    }

    /** Any list-shaped body (e.g. search results with facets) whose next page starts at {@code nextCursor}. */
    public static Response of(Object body, String nextCursor, UriInfo uri) {
        Response.ResponseBuilder builder = Response.ok(body);
        if (nextCursor != null) {
            // a relative reference (RFC 8288): right behind the gateway, which rewrites nothing
            java.net.URI absolute = uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build();
            builder.header("Link", "<" + absolute.getRawPath() + "?" + absolute.getRawQuery() + ">; rel=\"next\"");
        }
        return builder.build();
    }
}
