package org.jobboard.contracts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event contracts as tests use them: every example of every message in the AsyncAPI documents, and validation of
 * an event's data against the JSON Schema its message names. Producers call {@link #assertValid} on what they really
 * send; consumers feed {@link #examples(String)} through their readers instead of hand-written fixtures.
 */
public final class EventContracts {
    /** One AsyncAPI document per producer, under {@code org/jobboard/contracts/asyncapi/}. */
    public static final List<String> DOCUMENTS = List.of("postings.yaml", "applications.yaml");
    private static final String BASE = "org/jobboard/contracts/asyncapi/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventContracts() {
    }

    /** One example message: its CloudEvents type, Kafka key, headers and data (a JSON null for a tombstone). */
    public record Example(String document, String name, String topic, String type, String key,
            Map<String, String> headers, JsonNode data) {
        public boolean isTombstone() {
            return data == null || data.isNull();
        }

        @Override
        public String toString() {
            return document + ": " + type + " / " + name;
        }
    }

    public static JsonNode document(String document) {
        try (InputStream in = resource(BASE + document)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every example of every message published on {@code topic}, across all documents. */
    public static List<Example> examples(String topic) {
        List<Example> examples = new ArrayList<>();
        for (Example example : allExamples()) {
            if (example.topic().equals(topic)) {
                examples.add(example);
            }
        }
        if (examples.isEmpty()) {
            throw new AssertionError("no AsyncAPI example for topic " + topic);
        }
        return examples;
    }

    public static List<Example> allExamples() {
        List<Example> examples = new ArrayList<>();
        for (String name : DOCUMENTS) {
            JsonNode doc = document(name);
            for (Iterator<Map.Entry<String, JsonNode>> channels = doc.path("channels").fields(); channels.hasNext(); ) {
                JsonNode channel = channels.next().getValue();
                String topic = channel.path("address").asText();
                for (JsonNode messageRef : iterable(channel.path("messages"))) {
                    JsonNode message = resolve(doc, messageRef);
                    String type = message.path("name").asText();
                    for (JsonNode example : message.path("examples")) {
                        Map<String, String> headers = new TreeMap<>();
                        example.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                        JsonNode data = example.has("payload") ? example.get("payload") : NullNode.getInstance();
                        String key = example.path("x-key").asText(headers.getOrDefault("ce_subject", ""));
                        examples.add(new Example(name, example.path("name").asText(), topic, type, key, headers, data));
                    }
                }
            }
        }
        return examples;
    }

    /** Fails with every violation when {@code data} does not match the schema of the message named {@code type}. */
    public static void assertValid(String type, JsonNode data) {
        List<Error> errors = schemaOf(type).validate(data);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " does not match its schema: " + errors + "\n" + data);
        }
    }

    /** The JSON Schema of the message whose name (CloudEvents type) is {@code type}. */
    public static Schema schemaOf(String type) {
        for (String name : DOCUMENTS) {
            JsonNode doc = document(name);
            Optional<String> pointer = payloadPointer(doc, type);
            if (pointer.isPresent()) {
                String ref = pointer.get();
                // a $ref to a schema file is relative to the document; "#/components/..." points into it
                String location = ref.startsWith("#") ? "classpath:" + BASE + name + ref
                        : "classpath:" + normalize(BASE + ref);
                return SCHEMAS.getSchema(SchemaLocation.of(location));
            }
        }
        throw new AssertionError("no AsyncAPI message named " + type);
    }

    private static Optional<String> payloadPointer(JsonNode doc, String type) {
        for (JsonNode message : iterable(doc.path("components").path("messages"))) {
            if (type.equals(message.path("name").asText())) {
                String ref = message.path("payload").path("$ref").asText(null);
                if (ref == null) {
                    throw new AssertionError(type + ": the payload must be a $ref to a schema");
                }
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        if (!ref.startsWith("#/")) {
            throw new AssertionError("only local message references are supported: " + ref);
        }
        return resolve(doc, doc.at(ref.substring(1)));
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static Iterable<JsonNode> iterable(JsonNode object) {
        List<JsonNode> values = new ArrayList<>();
        object.elements().forEachRemaining(values::add);
        return values;
    }

    private static InputStream resource(String path) {
        InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new AssertionError("not on the classpath: " + path);
        }
        return in;
    }
}
