package org.jobboard.platform.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.platform.problem.ApiException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opaque, signed cursors for keyset paging. A cursor holds the last item's sort values (the id last, as the
 * tie-breaker) and the scope it was issued for (endpoint and filters), so a cursor from another list, an altered one
 * or garbage is a 400 naming {@code cursor}, never a 500 or a silently wrong page.
 */
@ApplicationScoped
public class CursorCodec {
    private static final char SEPARATOR = '\u001f';

    @Inject
    PagingConfig config;

    public String encode(String scope, List<String> values) {
        String body = scope + SEPARATOR + String.join(String.valueOf(SEPARATOR), values);
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(bodyBytes);
        byte[] all = new byte[bodyBytes.length + 16];
        System.arraycopy(bodyBytes, 0, all, 0, bodyBytes.length);
        System.arraycopy(mac, 0, all, bodyBytes.length, 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /** @return the sort values, or throws 400 when the cursor is malformed or was issued for another scope. */
    public List<String> decode(String scope, String cursor, int expectedValues) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(cursor);
            if (all.length <= 16) {
                throw invalid();
            }
            byte[] body = Arrays.copyOf(all, all.length - 16);
            byte[] mac = Arrays.copyOfRange(all, all.length - 16, all.length);
            if (!MessageDigest.isEqual(Arrays.copyOf(mac(body), 16), mac)) {
                throw invalid();
            }
            String[] parts = new String(body, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
            if (parts.length != expectedValues + 1 || !parts[0].equals(scope)) {
                throw invalid();
            }
            return List.of(parts).subList(1, parts.length);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** Where a keyset cursor points: the last served item's sort time and id (the tie-breaker). */
    public record Position(Instant time, UUID id) {
    }

    /** The rows of one page (fetched with limit + 1) and the cursor after its last row, null on the last page. */
    public record Keyset<R>(List<R> rows, String nextCursor) {
    }

    /** The position a (time, id) cursor holds, or null without a cursor; 400 naming {@code cursor} otherwise. */
    public Position position(String scope, String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> values = decode(scope, cursor, 2);
        try {
            return new Position(Instant.parse(values.get(0)), UUID.fromString(values.get(1)));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** Cuts rows fetched with {@code limit + 1} to the page; the extra row only says that a next page exists. */
    public <R> Keyset<R> page(List<R> rows, int limit, String scope, Function<R, Instant> time, Function<R, UUID> id) {
        if (rows.size() <= limit) {
            return new Keyset<>(rows, null);
        }
        List<R> page = rows.subList(0, limit);
        R last = page.get(limit - 1);
        return new Keyset<>(page, encode(scope, List.of(time.apply(last).toString(), id.apply(last).toString())));
    }

    private static ApiException invalid() {
        return ApiException.badParameter("cursor", "is not a cursor this list issued; start again without it");
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.cursorSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
