package org.jobboard.applications.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobboard.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationFormTest {
    static final ObjectMapper JSON = new ObjectMapper();

    final ApplicationForm form = new ApplicationForm(List.of(
            new FormQuestion("authorized", "Authorized?", "YES_NO", true, null, "NO"),
            new FormQuestion("years", "Years", "NUMBER", true, null, null),
            new FormQuestion("motivation", "Why us?", "TEXT", false, null, null),
            new FormQuestion("shift", "Shift", "SINGLE_CHOICE", false, List.of("DAY", "NIGHT"), "NIGHT"),
            new FormQuestion("languages", "Languages", "MULTI_CHOICE", false, List.of("Java", "Go", "COBOL"), "COBOL")));

    ApplicationForm.Checked check(String answers) throws Exception {
        return form.check(JSON.readValue(answers, JSON.getTypeFactory().constructMapType(Map.class, String.class,
                JsonNode.class)));
    }

    @Test
    void validAnswersAreNormalized() throws Exception {
        var checked = check("{\"authorized\":true,\"years\":4.5,\"motivation\":\"  Growth \",\"shift\":\"DAY\","
                + "\"languages\":[\"Go\",\"Java\"]}");
        assertTrue(checked.valid(), checked.errors().toString());
        assertEquals("YES", checked.answers().get("authorized"));
        assertEquals(new BigDecimal("4.5"), checked.answers().get("years"));
        assertEquals("Growth", checked.answers().get("motivation"));
        assertEquals(List.of("Go", "Java"), checked.answers().get("languages"));
        assertTrue(checked.knockouts().isEmpty());
    }

    @Test
    void eachWrongAnswerIsNamed() throws Exception {
        var checked = check("{\"authorized\":\"yes\",\"motivation\":42,\"shift\":\"EVENING\","
                + "\"languages\":[\"Go\",\"Go\"],\"extra\":1}");
        assertEquals(List.of(
                new FieldError("answers.authorized", "must be YES or NO"),
                new FieldError("answers.years", "is required"),
                new FieldError("answers.motivation", "must be a string"),
                new FieldError("answers.shift", "must be one of [DAY, NIGHT]"),
                new FieldError("answers.languages", "must not repeat a choice"),
                new FieldError("answers.extra", "is not a question of this posting")), checked.errors());
    }

    @Test
    void aNumberBeyondAnyDoubleIsOutOfRange() throws Exception {
        assertEquals(List.of(new FieldError("answers.years", "is out of range")),
                check("{\"authorized\":\"YES\",\"years\":1e999}").errors());
        assertEquals(List.of(new FieldError("answers.years", "is out of range")),
                check("{\"authorized\":\"YES\",\"years\":-1e999}").errors());
    }

    @Test
    void anAnswerToAQuestionTypeNotKnownYetIsTextWithTheTextRules() throws Exception {
        ApplicationForm newer = new ApplicationForm(List.of(new FormQuestion("portfolio", "Portfolio", "URL", false, null, null)));
        var checked = newer.check(JSON.readValue("{\"portfolio\":\"a\\u0000b\"}", JSON.getTypeFactory()
                .constructMapType(Map.class, String.class, JsonNode.class)));
        assertEquals(List.of(new FieldError("answers.portfolio", "must not contain NUL characters")), checked.errors());
        checked = newer.check(Map.of("portfolio", JSON.getNodeFactory().textNode("x".repeat(ApplicationForm.MAX_TEXT_ANSWER + 1))));
        assertEquals(List.of("answers.portfolio"), checked.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void requiredMeansANonBlankValue() throws Exception {
        assertEquals(List.of("answers.authorized", "answers.years"), check("{\"authorized\":null,\"years\":null}")
                .errors().stream().map(FieldError::field).toList());
        assertEquals(List.of("answers.years"), check("{\"authorized\":\"YES\",\"years\":\"3\"}")
                .errors().stream().map(FieldError::field).toList());
    }

    @Test
    void knockoutAnswersAreReported() throws Exception {
        assertEquals(List.of("authorized", "shift", "languages"),
                check("{\"authorized\":false,\"years\":1,\"shift\":\"NIGHT\",\"languages\":[\"Java\",\"COBOL\"]}")
                        .knockouts());
    }
}
