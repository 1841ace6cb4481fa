package org.jobboard.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.platform.paging.CursorCodec;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.Suggestion;
import org.jobboard.search.index.SearchIndex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs validated searches on the index and issues cursors scoped to the query and filters, so a cursor cannot be
 * replayed against another search. What the index refuses (a foreign cursor, a query too complex) is a 400 naming the
 * parameter, never a 500.
 */
@ApplicationScoped
public class SearchService {
    public static final int SUGGESTIONS = 10;

    @Inject
    SearchIndex index;

    @Inject
    CursorCodec cursors;

    public record Page(SearchResult result, String nextCursor) {
    }

    /** @param cursor the {@code nextCursor} of the previous page of the same search, or {@code null} */
    public Page search(PostingQuery query, String cursor) {
        String scope = scope(query);
        if (cursor != null) {
            query = query.after(cursors.decode(scope, cursor, 3));
        }
        SearchResult result;
        try {
            result = index.search(query);
        } catch (SearchIndex.InvalidCursorException e) {
            throw ApiException.badParameter("cursor", "is not a cursor this list issued; start again without it");
        } catch (SearchIndex.QueryTooComplexException e) {
            throw ApiException.badParameter("q", "is too complex; use fewer words");
        }
        String next = result.hasMore() && !result.hits().isEmpty()
                ? cursors.encode(scope, result.hits().get(result.hits().size() - 1).sortValues())
                : null;
        return new Page(result, next);
    }

    /** @param prefix what the user typed so far, already checked for length */
    public List<Suggestion> suggest(String prefix) {
        return index.suggest(prefix, SUGGESTIONS);
    }

    /** The search a cursor belongs to: everything but the page size and the cursor itself, hashed to keep cursors short. */
    static String scope(PostingQuery q) {
        String canonical = String.join("\u001f", String.valueOf(q.text()), names(q.employmentTypes()),
                names(q.workplaceTypes()), String.valueOf(q.country()), String.valueOf(q.region()),
                String.valueOf(q.city()), String.valueOf(q.near()), String.valueOf(q.radiusKm()),
                String.valueOf(q.salaryMin()), String.valueOf(q.currency()), String.valueOf(q.seniority()),
                new TreeSet<>(q.skills()).toString(), String.valueOf(q.organizationId()),
                String.valueOf(q.postedWithin()), q.sort().name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "search/postings:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sorted by name, as the scope always was (an enum set's own order is the declaration order). */
    private static String names(Collection<? extends Enum<?>> values) {
        return new TreeSet<>(values.stream().map(Enum::name).toList()).toString();
    }
}
