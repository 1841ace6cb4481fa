package org.jobboard.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jobboard.platform.problem.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotency-Key for POSTs that create (docs/conventions.md): the same caller, key and body within 24 h get the first
 * response again; the same key with another body is 422. The key is claimed by inserting its row in the same
 * transaction as the creation, so a concurrent duplicate waits on the row lock and then replays the stored response;
 * if the first request fails, its claim rolls back with it.
 */
@ApplicationScoped
public class Idempotency {
    /** The service's clock (platform SystemClock unless a test replaces it). */
    @Inject
    Clock clock;

    public static final String HEADER = "Idempotency-Key";
    private static final Duration RETENTION = Duration.ofHours(24);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * @param caller   the token's subject (keys are scoped to the caller)
     * @param key      the Idempotency-Key header, or null to just run the action
     * @param request  the parsed request body, hashed to recognise a different body under the same key
     * @param action   creates the resource; its response entity is stored as JSON
     */
    @Transactional
    public Response execute(String caller, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ApiException.badParameter(HEADER, "must be 1 to 255 characters");
        }
        String hash = hash(request);
        Instant now = clock.instant();
        em.createNativeQuery("delete from idempotency_record where caller = ?1 and idem_key = ?2 and created_at < ?3")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, now.minus(RETENTION)).executeUpdate();
        int claimed = em.createNativeQuery("insert into idempotency_record (caller, idem_key, request_hash, created_at) "
                + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).setParameter(4, now)
                .executeUpdate();
        if (claimed == 0) {
            return replay(caller, key, hash);
        }
        Response response = action.get();
        String body;
        try {
            body = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        em.createNativeQuery("update idempotency_record set status = ?1, body = ?2, location = ?3, etag = ?4 "
                + "where caller = ?5 and idem_key = ?6")
                .setParameter(1, response.getStatus()).setParameter(2, body)
                .setParameter(3, location == null ? null : location.toString())
                .setParameter(4, etag == null ? null : etag.toString())
                .setParameter(5, caller).setParameter(6, key).executeUpdate();
        return response;
    }

    /**
     * Forgets every stored response of this caller (they hold personal data), e.g. when the caller's data is erased;
     * in the current transaction if there is one. The store's table belongs to the platform: a service asks here
     * instead of deleting its rows itself.
     *
     * @return how many stored responses were forgotten
     */
    @Transactional
    public int forgetCaller(String caller) {
        return em.createNativeQuery("delete from idempotency_record where caller = ?1").setParameter(1, caller)
                .executeUpdate();
    }

    private Response replay(String caller, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, body, location, etag "
                + "from idempotency_record where caller = ?1 and idem_key = ?2")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            throw ApiException.conflict("a request with this Idempotency-Key is still in progress; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ApiException.unprocessable("this Idempotency-Key was already used with a different request body",
                    List.of(new org.jobboard.platform.problem.FieldError(HEADER, "reused with a different body")));
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            builder.entity(row[2]).type(MediaType.APPLICATION_JSON);
        }
        if (row[3] != null) {
            builder.header(HttpHeaders.LOCATION, row[3]);
        }
        if (row[4] != null) {
            builder.header(HttpHeaders.ETAG, row[4]);
        }
        return builder.build();
    }

    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(identity = "idempotency-cleanup", every = "1h", delayed = "5m")
    @Transactional
    void deleteExpired() {
        em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, clock.instant().minus(RETENTION)).executeUpdate();
    }
}
