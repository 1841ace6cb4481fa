package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jobboard.gateway.proxy.Upstream;
import org.jobboard.gateway.proxy.Upstreams;
import org.jobboard.gateway.route.RouteTable;
import org.jobboard.platform.problem.ProblemWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the merged OpenAPI document at /q/openapi: each service's document is fetched at start and refreshed
 * periodically, so the integrators' view follows the deployed services.
 */
@ApplicationScoped
public class MergedOpenApi {
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Upstreams upstreams;

    @Inject
    RouteTable routes;

    @Inject
    Vertx vertx;

    @Inject
    org.jobboard.gateway.config.GatewayConfig config;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0")
    String version;

    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    private volatile String merged;
    private HttpClient client;

    void start(@Observes StartupEvent event) {
        client = vertx.createHttpClient();
        refresh();
        // quickly at first, while services are still starting, then at the regular pace
        long[] timer = new long[1];
        timer[0] = vertx.setPeriodic(2000, id -> {
            if (documents.size() == upstreams.all().size()) {
                vertx.cancelTimer(timer[0]);
                vertx.setPeriodic(config.openapiRefresh().toMillis(), later -> refresh());
            } else {
                refresh();
            }
        });
    }

    void routes(@Observes Router router) {
        router.get("/q/openapi").order(-10).handler(ctx -> {
            String document = merged;
            if (document == null) {
                ProblemWriter.write(ctx, 503, "openapi-unavailable", "Service unavailable",
                        "no service has published its OpenAPI document yet");
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(document);
        });
    }

    public Future<Void> refresh() {
        List<Future<?>> fetches = new ArrayList<>();
        upstreams.all().forEach((name, upstream) -> fetches.add(fetch(upstream).onSuccess(document -> {
            documents.put(name, document);
            rebuild();
        }).onFailure(e -> LOG.debugf("OpenAPI of %s not available yet: %s", name, e.toString()))));
        return Future.join(fetches).mapEmpty();
    }

    private Future<JsonNode> fetch(Upstream upstream) {
        Upstream.Instance instance = upstream.instances().get(0);
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(instance.host())
                        .setPort(instance.port()).setSsl(instance.tls()).setURI("/q/openapi?format=json")
                        .putHeader("Accept", "application/json").setIdleTimeout(5000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(body -> {
                    try {
                        return JSON.readTree(body.getBytes());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private synchronized void rebuild() {
        ObjectNode document = OpenApiMerger.merge(new TreeMap<>(documents),
                new OpenApiMerger.Settings(config.publicUrl(), config.realmUrl(), version, routes));
        try {
            merged = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
