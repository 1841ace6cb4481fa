package org.jobboard.gateway.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jobboard.gateway.route.RouteTable;

/** The access policy as a bean; it lives beside the policy so that routing does not depend on security. */
public class AccessPolicyProducer {
    @Produces
    @Singleton
    AccessPolicy accessPolicy(RouteTable routes) {
        return new AccessPolicy(routes);
    }
}
