package org.jobboard.platform.security;

/** The realm roles of Keycloak realm {@code jobboard}. */
public final class Roles {
    public static final String CANDIDATE = "candidate";
    public static final String RECRUITER = "recruiter";
    public static final String ADMIN = "admin";
    public static final String AGGREGATOR = "aggregator";

    private Roles() {
    }
}
