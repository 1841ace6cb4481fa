package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Keycloak realm's OAuth2 scheme, in place of whatever the services declare; its description names the realm's
 * OpenID Connect discovery document (a second scheme for the same tokens would be one no operation needs).
 */
final class RealmSecuritySchemes implements DocumentTransform {
    private final String realmUrl;

    RealmSecuritySchemes(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    @Override
    public void apply(ObjectNode merged) {
        ObjectNode securitySchemes = ((ObjectNode) merged.get("components")).putObject("securitySchemes");
        ObjectNode oauth2 = securitySchemes.putObject("oauth2");
        oauth2.put("type", "oauth2");
        oauth2.put("description", "Keycloak realm jobboard: the authorization code flow with PKCE for front ends "
                + "(client jobboard-web), client credentials for aggregators. Access tokens are JWTs (RS256, "
                + "validated per RFC8725: algorithm, issuer, audience jobboard-api, expiry), valid for 5 minutes; "
                + "front ends renew them with refresh tokens. OpenID Connect discovery: " + realmUrl
                + "/.well-known/openid-configuration");
        ObjectNode flows = oauth2.putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode");
        code.put("authorizationUrl", realmUrl + "/protocol/openid-connect/auth");
        code.put("tokenUrl", realmUrl + "/protocol/openid-connect/token");
        code.put("refreshUrl", realmUrl + "/protocol/openid-connect/token");
        code.putObject("scopes").put("openid", "OpenID Connect sign-in");
        ObjectNode clientCredentials = flows.putObject("clientCredentials");
        clientCredentials.put("tokenUrl", realmUrl + "/protocol/openid-connect/token");
        clientCredentials.put("refreshUrl", realmUrl + "/protocol/openid-connect/token");
        clientCredentials.putObject("scopes");
    }
}
