package org.jobboard.postings.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.ProblemMappers;
import org.jobboard.platform.rest.JsonMergePatch;

import java.util.Set;

/**
 * RFC 7396 merge patches of an API input type: the patch applies to the current state written as that type, and
 * the result is read and validated as a request body would be (400 naming the fields).
 */
@ApplicationScoped
public class MergePatches {
    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    public static void requireObject(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.badParameter("body", "must be a JSON object (JSON Merge Patch)");
        }
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        T patched;
        try {
            patched = json.treeToValue(JsonMergePatch.apply(json.valueToTree(current), patch), type);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.invalidJson(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return patched;
    }
}
