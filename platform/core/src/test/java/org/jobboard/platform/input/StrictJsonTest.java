package org.jobboard.platform.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.platform.problem.ProblemMappers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {
    enum Kind { FULL_TIME, PART_TIME }

    record Item(String name) {
    }

    record Input(String title, Integer count, int size, Boolean remote, Double ratio, Kind kind, List<String> tags,
            BigDecimal amount, Instant at, List<Item> items, Map<String, String> labels, JsonNode extra) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void aTrustedSourceReadsTextStoredBeforeTheRulesButKeepsTypesStrict() throws JsonProcessingException {
        String stored = "{\"title\":\"old \\u0001 title\",\"labels\":{\"k\\u0002\":\"v\"},\"extra\":{\"a\":\"\\u0000\"}}";
        ObjectMapper trusted = StrictJson.forTrustedSource(json);
        Input read = trusted.readValue(stored, Input.class);
        assertEquals("old \u0001 title", read.title());
        assertEquals("\u0000", read.extra().get("a").textValue());
        assertThrows(JsonProcessingException.class, () -> trusted.readValue("{\"title\":12345}", Input.class));
        assertRefused(stored, "title", "must not contain control characters");
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        assertRefused("{\"title\":12345}", "title", "must be a string");
        assertRefused("{\"title\":true}", "title", "must be a string");
        assertRefused("{\"title\":[\"a\"]}", "title", "must be a string");
        assertRefused("{\"title\":{\"a\":1}}", "title", "must be a string");
        assertRefused("{\"count\":\"12\"}", "count", "must be a number");
        assertRefused("{\"size\":\"12\"}", "size", "must be a number");
        assertRefused("{\"size\":1.5}", "size", "must be a number");
        assertRefused("{\"count\":true}", "count", "must be a number");
        assertRefused("{\"ratio\":\"0.5\"}", "ratio", "must be a number");
        assertRefused("{\"remote\":\"true\"}", "remote", "must be true or false");
        assertRefused("{\"remote\":1}", "remote", "must be true or false");
        assertRefused("{\"kind\":1}", "kind", "must be one of [FULL_TIME, PART_TIME]");
        assertRefused("{\"tags\":\"java\"}", "tags", "must be an array");
        assertRefused("{\"tags\":[1]}", "tags[0]", "must be a string");
        assertRefused("{\"items\":[{\"name\":\"a\"},{\"name\":7}]}", "items[1].name", "must be a string");
        assertRefused("{\"at\":1700000000}", "at", "must be a valid Instant");
    }

    @Test
    void valuesOfTheRightTypeStillBind() throws JsonProcessingException {
        Input input = json.readValue("""
                {"title":"Java\\tdeveloper\\r\\n\u00e9\ud83d\ude80","count":12,"size":3,"remote":false,"ratio":1,
                 "kind":"PART_TIME","tags":["a"],"amount":"52000.50","at":"2026-01-02T03:04:05Z",
                 "items":[{"name":"x"}],"labels":{"k":"v"},"extra":{"a":[1,"b",null]}}""", Input.class);
        assertEquals("Java\tdeveloper\r\n\u00e9\ud83d\ude80", input.title());
        assertEquals(1.0, input.ratio());
        assertEquals(new BigDecimal("52000.50"), input.amount(), "money stays a decimal string on the wire");
        assertEquals(Kind.PART_TIME, input.kind());
        assertEquals("b", input.extra().get("a").get(1).asText());
    }

    @Test
    void controlCharactersAreRefusedAtAnyDepth() {
        assertRefused("{\"title\":\"a\\u0000b\"}", "title", TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"title\":\"a\\u0001\"}", "title", TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"title\":\"\\b\"}", "title", TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"tags\":[\"ok\",\"\\u001f\"]}", "tags[1]", TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"items\":[{\"name\":\"\\u007f\"}]}", "items[0].name", TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"labels\":{\"k\":\"\\u0085\"}}", "labels.k", TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"labels\":{\"\\u0000\":\"v\"}}", "labels", "keys " + TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"extra\":{\"a\":[\"x\",{\"b\":\"\\u0000\"}]}}", "extra.a[1].b", TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"extra\":{\"\\u0002\":1}}", "extra", "keys " + TextRules.CONTROL_CHARACTERS);
        assertRefused("{\"title\":\"\\ud800\"}", "title", TextRules.INVALID_UNICODE);
        assertRefused("{\"title\":\"\\uffff\"}", "title", TextRules.INVALID_UNICODE);
    }

    @Test
    void treesReadDirectlyAreCheckedToo() {
        var e = assertThrows(InvalidTextException.class, () -> json.readTree("{\"patch\":{\"title\":\"\\u0000\"}}"));
        assertEquals(new FieldError("patch.title", TextRules.CONTROL_CHARACTERS),
                ProblemMappers.invalidJson(e).toProblem().errors.get(0));
    }

    private void assertRefused(String body, String field, String message) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.readValue(body, Input.class),
                body);
        assertEquals(List.of(new FieldError(field, message)), ProblemMappers.invalidJson(e).toProblem().errors, body);
    }
}
