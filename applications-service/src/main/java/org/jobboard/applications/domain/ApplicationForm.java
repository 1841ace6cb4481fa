package org.jobboard.applications.domain;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobboard.platform.problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A posting's application form checking a candidate's answers: every required question answered, each value of its
 * question's type (TEXT string, YES_NO "YES"/"NO" or a boolean, SINGLE_CHOICE one of the choices, MULTI_CHOICE an
 * array of distinct choices, NUMBER a JSON number), no answers to questions the form does not ask. Answers are
 * normalized (YES_NO to "YES"/"NO") and knockout answers are reported, so the caller can reject at once.
 */
public final class ApplicationForm {
    public static final int MAX_TEXT_ANSWER = 5000;

    /** @param answers normalized answers; @param errors one per failing question ({@code answers.<id>}); @param knockouts ids of questions answered with their knockout answer */
    public record Checked(Map<String, Object> answers, List<FieldError> errors, List<String> knockouts) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final List<FormQuestion> questions;

    public ApplicationForm(List<FormQuestion> questions) {
        this.questions = questions == null ? List.of() : questions;
    }

    public Checked check(Map<String, JsonNode> given) {
        Map<String, JsonNode> answers = given == null ? Map.of() : given;
        Map<String, Object> normalized = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> knockouts = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>();
        for (FormQuestion question : questions) {
            asked.add(question.id());
            String field = "answers." + question.id();
            JsonNode value = answers.get(question.id());
            if (value == null || value.isNull() || value.isMissingNode()) {
                if (question.required()) {
                    errors.add(new FieldError(field, "is required"));
                }
                continue;
            }
            Object answer;
            try {
                answer = normalize(question, value);
            } catch (InvalidAnswer e) {
                errors.add(new FieldError(field, e.getMessage()));
                continue;
            }
            if (answer == null) { // blank text or an empty selection
                if (question.required()) {
                    errors.add(new FieldError(field, "is required"));
                }
                continue;
            }
            normalized.put(question.id(), answer);
            if (isKnockout(question, answer)) {
                knockouts.add(question.id());
            }
        }
        answers.keySet().stream().filter(id -> !asked.contains(id)).sorted()
                .forEach(id -> errors.add(new FieldError("answers." + id, "is not a question of this posting")));
        return new Checked(normalized, errors, knockouts);
    }

    private static Object normalize(FormQuestion question, JsonNode value) {
        String type = question.type() == null ? "" : question.type();
        return switch (type) {
            case "TEXT" -> text(value);
            case "YES_NO" -> {
                if (value.isBoolean()) {
                    yield value.booleanValue() ? "YES" : "NO";
                }
                if (value.isTextual() && ("YES".equals(value.textValue()) || "NO".equals(value.textValue()))) {
                    yield value.textValue();
                }
                throw new InvalidAnswer("must be YES or NO");
            }
            case "SINGLE_CHOICE" -> {
                if (!value.isTextual() || !choices(question).contains(value.textValue())) {
                    throw new InvalidAnswer("must be one of " + choices(question));
                }
                yield value.textValue();
            }
            case "MULTI_CHOICE" -> {
                if (!value.isArray()) {
                    throw new InvalidAnswer("must be an array of choices from " + choices(question));
                }
                List<String> selected = new ArrayList<>();
                for (JsonNode element : value) {
                    if (!element.isTextual() || !choices(question).contains(element.textValue())) {
                        throw new InvalidAnswer("must contain only choices from " + choices(question));
                    }
                    if (selected.contains(element.textValue())) {
                        throw new InvalidAnswer("must not repeat a choice");
                    }
                    selected.add(element.textValue());
                }
                yield selected.isEmpty() ? null : selected;
            }
            case "NUMBER" -> {
                if (!value.isNumber()) {
                    throw new InvalidAnswer("must be a number");
                }
                if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
                    throw new InvalidAnswer("is out of range"); // 1e999 parses as an infinite double: no decimal value
                }
                BigDecimal number = value.decimalValue();
                if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                    throw new InvalidAnswer("is out of range");
                }
                yield number;
            }
            // a question type this service does not know yet (a newer producer): accept text only, never guess
            default -> text(value);
        };
    }

    /** A text answer: a string, stored without NUL (PostgreSQL cannot) and within the length limit. */
    private static String text(JsonNode value) {
        if (!value.isTextual()) {
            throw new InvalidAnswer("must be a string");
        }
        String text = value.textValue().strip();
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidAnswer("must not contain NUL characters");
        }
        if (text.length() > MAX_TEXT_ANSWER) {
            throw new InvalidAnswer("must be at most " + MAX_TEXT_ANSWER + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static List<String> choices(FormQuestion question) {
        return question.choices() == null ? List.of() : question.choices();
    }

    /** The knockout answer (postings-service checks it is YES/NO or one of the choices) given, or selected. */
    static boolean isKnockout(FormQuestion question, Object answer) {
        String knockout = question.knockoutAnswer();
        if (knockout == null) {
            return false;
        }
        if (answer instanceof List<?> selected) {
            return selected.contains(knockout);
        }
        return switch (question.type() == null ? "" : question.type()) {
            case "YES_NO", "SINGLE_CHOICE" -> knockout.equals(answer);
            default -> false;
        };
    }

    private static final class InvalidAnswer extends RuntimeException {
        InvalidAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
