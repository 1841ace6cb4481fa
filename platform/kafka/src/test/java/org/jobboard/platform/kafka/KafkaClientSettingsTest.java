package org.jobboard.platform.kafka;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KafkaClientSettingsTest {
    /** What Quarkus collects from kafka.* for an environment with SASL over TLS and a Quarkus TLS configuration. */
    private final KafkaClientSettings settings = new KafkaClientSettings(Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "tls-configuration-name", "kafka",
            "group.id", "postings-service"));

    @Test
    void everyKindOfClientGetsTheConnectionAndItsSecurity() {
        for (Properties props : List.of(settings.producer("p"), settings.consumer("c"), settings.admin("a"))) {
            assertEquals("broker-1:9093", props.get("bootstrap.servers"));
            assertEquals("SASL_SSL", props.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
            assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required;",
                    props.get("sasl.jaas.config"));
            assertEquals("/etc/kafka/truststore.p12", props.get("ssl.truststore.location"));
            // not a Kafka setting, but the Quarkus SSL engine factory reads it from the client's settings
            assertEquals("kafka", props.get("tls-configuration-name"));
        }
    }

    @Test
    void eachClientIsNamedByItsCaller() {
        assertEquals("outbox-relay", settings.producer("outbox-relay").get("client.id"));
        assertEquals("broker-probe", settings.admin("broker-probe").get("client.id"));
    }

    @Test
    void aSettingOfAnotherKindOfClientIsLeftOut() {
        assertFalse(settings.producer("p").containsKey("group.id"));
        assertFalse(settings.admin("a").containsKey("group.id"));
        // the consumer names its own group; the application name Quarkus puts in is no group of ours
        assertFalse(settings.consumer("c").containsKey("group.id"));
    }
}
