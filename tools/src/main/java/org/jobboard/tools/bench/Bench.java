package org.jobboard.tools.bench;

/**
 * {@code ./dev bench gateway|postings|applications}: closed-loop HTTP benchmarks through the gateway.
 *
 * gateway      GATEWAY POSTINGS SEARCH KEYCLOAK CONCURRENCY SECONDS : the same GETs direct and through the gateway
 * postings     GATEWAY KEYCLOAK CONCURRENCY SECONDS                  : create + publish postings through the gateway
 * applications GATEWAY KEYCLOAK CONCURRENCY SECONDS                  : applies with a resume through the gateway
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "gateway" -> GatewayBench.gateway(args[1], args[2], args[3], Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            case "postings" -> PostingsBench.postings(args[1], args[2], Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "applications" -> ApplicationsBench.applications(args[1], args[2], Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }
}
