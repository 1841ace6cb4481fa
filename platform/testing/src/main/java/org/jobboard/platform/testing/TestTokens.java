package org.jobboard.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signed bearer tokens for service tests, shaped like Keycloak's (realm_access.roles, organization_id), signed with
 * the test-only key that {@link StackTestResource} makes the service trust. The service validates them with the
 * real quarkus-oidc code path; only the issuer differs. End-to-end tests use real Keycloak tokens instead.
 */
public final class TestTokens {
    public static final String ISSUER = "https://jobboard.test/realms/jobboard";
    private static final PrivateKey KEY = loadPrivateKey();

    private TestTokens() {
    }

    public static String candidate(String subject) {
        return token(subject, List.of("candidate"), null, 300);
    }

    public static String recruiter(String subject, String organizationId) {
        return token(subject, List.of("recruiter"), organizationId, 300);
    }

    public static String admin(String subject) {
        return token(subject, List.of("admin"), null, 300);
    }

    public static String aggregator(String clientId) {
        return token("service-account-" + clientId, List.of("aggregator"), null, 300);
    }

    public static String expired(String subject) {
        return token(subject, List.of("candidate"), null, -60);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A token signed by the right key with arbitrary roles and lifetime (negative: already expired). */
    public static String token(String subject, List<String> roles, String organizationId, long lifetimeSeconds) {
        long now = System.currentTimeMillis() / 1000;
        StringBuilder claims = new StringBuilder("{");
        claims.append("\"iss\":\"").append(ISSUER).append("\",");
        claims.append("\"aud\":\"jobboard-api\",");
        claims.append("\"sub\":\"").append(subject).append("\",");
        claims.append("\"preferred_username\":\"").append(subject).append("\",");
        claims.append("\"jti\":\"").append(UUID.randomUUID()).append("\",");
        claims.append("\"iat\":").append(now - 5).append(',');
        claims.append("\"exp\":").append(now + lifetimeSeconds).append(',');
        if (organizationId != null) {
            claims.append("\"organization_id\":\"").append(organizationId).append("\",");
        }
        claims.append("\"realm_access\":{\"roles\":[")
                .append(roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",")))
                .append("]}}");
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test\"}", claims.toString());
    }

    /** A token with a valid shape but a signature from nobody we trust. */
    public static String forged(String subject) {
        String valid = candidate(subject);
        int lastDot = valid.lastIndexOf('.');
        return valid.substring(0, lastDot + 1) + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String header, String payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String signingInput = encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEY);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + encoder.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKeyBase64() {
        return pemBody("/test-keys/public-key.pem");
    }

    private static PrivateKey loadPrivateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody("/test-keys/private-key.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemBody(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " (platform-testing)");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> oidcTestConfig() {
        return Map.of("quarkus.oidc.public-key", publicKeyBase64(), "quarkus.oidc.token.issuer", ISSUER);
    }
}
