package org.jobboard.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.ContextAttributes;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Every service's ObjectMapper binds JSON as written, never coerced: {@code "title": 12345} is a 400 naming
 * {@code title}, not the string "12345"; so are numbers or booleans as strings, floats into integers, enum ordinals,
 * numbers as timestamps, arrays where a scalar is expected. Decimal strings stay accepted for {@code BigDecimal}: money travels as decimal
 * strings (docs/conventions.md). Every string value and map key, at any depth (also inside {@code JsonNode}s), must follow
 * {@link TextRules}. ProblemMappers names the JSON path of the first offence.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** Set on a mapper that reads our own records (events, index documents): see {@link #forTrustedSource}. */
    private static final String TRUSTED_SOURCE = "jobboard.strict-json.trusted-source";

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        mapper.coercionConfigFor(BigDecimal.class).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);

        SimpleModule module = new SimpleModule("jobboard-strict-input");
        module.addDeserializer(String.class, new StrictStringDeserializer());
        module.addKeyDeserializer(String.class, new StrictKeyDeserializer());
        module.addDeserializer(JsonNode.class, new CheckedTreeDeserializer<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new CheckedTreeDeserializer<>(ObjectNode.class));
        module.addDeserializer(ArrayNode.class, new CheckedTreeDeserializer<>(ArrayNode.class));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass())
                        ? new TextualTemporalDeserializer(deserializer) : deserializer;
            }
        });
        return mapper.registerModule(module);
    }

    /**
     * A copy of the service's mapper for what the system wrote itself — events from another service, documents of its
     * own index. Types stay strict, but the text rules are off: a record stored before they existed (a title with
     * U+0001) must still be read, or one old posting would dead-letter its events or break every search that hits it.
     * Input from callers always goes through the strict mapper.
     */
    public static ObjectMapper forTrustedSource(ObjectMapper strict) {
        ObjectMapper copy = strict.copy();
        copy.setDefaultAttributes(ContextAttributes.getEmpty().withSharedAttribute(TRUSTED_SOURCE, Boolean.TRUE));
        return copy;
    }

    private static boolean checksText(DeserializationContext ctxt) {
        return ctxt == null || ctxt.getAttribute(TRUSTED_SOURCE) == null;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        var config = mapper.coercionConfigFor(type);
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Strings only from JSON strings, and only text that follows {@link TextRules}. */
    static final class StrictStringDeserializer extends StdScalarDeserializer<String> {
        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String violation = checksText(ctxt) ? TextRules.violation(text) : null;
            if (violation != null) {
                throw new InvalidTextException(p, violation);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /**
     * Dates and times only from RFC 3339 strings (docs/conventions.md): the java.time deserializers would read a number as
     * epoch seconds and ignore the coercion settings.
     */
    static final class TextualTemporalDeserializer extends DelegatingDeserializer {
        TextualTemporalDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextualTemporalDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken().isNumeric()) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Map keys (e.g. answers by question id); the map itself is named, not the offending key. */
    static final class StrictKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String violation = checksText(ctxt) ? TextRules.violation(key) : null;
            if (violation != null) {
                throw new InvalidTextException(ctxt.getParser(), "keys " + violation);
            }
            return key;
        }
    }

    /** Jackson's own tree, then a walk over its strings and field names (trees bypass the String deserializer). */
    static final class CheckedTreeDeserializer<T extends JsonNode> extends StdDeserializer<T> {
        private final JsonDeserializer<? extends JsonNode> standard;

        CheckedTreeDeserializer(Class<T> type) {
            super(type);
            this.standard = JsonNodeDeserializer.getDeserializer(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T tree = (T) standard.deserialize(p, ctxt);
            if (!checksText(ctxt)) {
                return tree;
            }
            Deque<Object> path = new ArrayDeque<>();
            String violation = check(tree, path);
            if (violation != null) {
                InvalidTextException e = new InvalidTextException(p, violation);
                // the path below this tree, innermost first; enclosing objects add theirs while unwinding
                for (Iterator<Object> it = path.iterator(); it.hasNext();) {
                    Object step = it.next();
                    if (step instanceof Integer index) {
                        e.prependPath(new JsonMappingException.Reference(null, index));
                    } else {
                        e.prependPath(new JsonMappingException.Reference(null, (String) step));
                    }
                }
                throw e;
            }
            return tree;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return (T) standard.getNullValue(ctxt);
        }

        /** Leaves {@code path} at the offending value (innermost step first) and returns the violation, or null. */
        private static String check(JsonNode node, Deque<Object> path) {
            if (node == null) {
                return null;
            }
            if (node.isTextual()) {
                return TextRules.violation(node.textValue());
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String keyViolation = TextRules.violation(field.getKey());
                    if (keyViolation != null) {
                        return "keys " + keyViolation;
                    }
                    String violation = check(field.getValue(), path);
                    if (violation != null) {
                        path.addLast(field.getKey());
                        return violation;
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    String violation = check(node.get(i), path);
                    if (violation != null) {
                        path.addLast(i);
                        return violation;
                    }
                }
            }
            return null;
        }
    }
}
