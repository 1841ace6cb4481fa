package org.jobboard.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The one place a service's Kafka clients get their connection settings from: every {@code kafka.*} property
 * (environment: {@code KAFKA_*}) as Quarkus collects them for its own clients ({@code default-kafka-broker}), i.e.
 * the bootstrap servers and the security of the environment ({@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}, a Quarkus TLS configuration). A client built here connects exactly like the service's messaging
 * channels; the caller then adds what is its own (client id, acks, group, ...).
 * <p>
 * A setting Kafka knows for another kind of client only (e.g. {@code group.id} for a producer) is left out, so a
 * client does not warn about it; a setting Kafka does not know at all is kept, because a plugged-in class (SSL engine
 * factory, SASL callback handler) reads its own settings from the same map.
 */
@Singleton
public class KafkaClientSettings {
    private static final Set<String> KNOWN = new HashSet<>();

    static {
        KNOWN.addAll(ProducerConfig.configNames());
        KNOWN.addAll(ConsumerConfig.configNames());
        KNOWN.addAll(AdminClientConfig.configNames());
    }

    private final Map<String, Object> shared;

    @Inject
    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> shared) {
        this.shared = Map.copyOf(shared);
    }

    /** Settings for a producer named {@code clientId}. */
    public Properties producer(String clientId) {
        return forClient(ProducerConfig.configNames(), clientId);
    }

    /** Settings for a consumer named {@code clientId} (its group is the caller's to set). */
    public Properties consumer(String clientId) {
        Properties props = forClient(ConsumerConfig.configNames(), clientId);
        // Quarkus puts the application name in as a default group: a consumer says which group it belongs to
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    /** Settings for an admin client named {@code clientId}. */
    public Properties admin(String clientId) {
        return forClient(AdminClientConfig.configNames(), clientId);
    }

    /** The bootstrap servers, e.g. for a log line. */
    public String bootstrapServers() {
        return String.valueOf(shared.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    private Properties forClient(Set<String> ownNames, String clientId) {
        Properties props = new Properties();
        shared.forEach((key, value) -> {
            if (ownNames.contains(key) || !KNOWN.contains(key)) {
                props.put(key, value);
            }
        });
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}
