package org.jobboard.platform.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A page as a response: the body plus {@code Link: <...>; rel="next"} when there is a next page. */
public final class PageResponses {
    private PageResponses() {
    }

    public static Response of(Page<?> page, UriInfo uri) {
        Response.ResponseBuilder builder = Response.ok(page);
        if (page.nextCursor() != null) {
            // a relative reference (RFC 8288): right behind the gateway, which rewrites nothing
            java.net.URI absolute = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
            String next = absolute.getRawPath() + "?" + absolute.getRawQuery();
            builder.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return builder.build();
    }
}
