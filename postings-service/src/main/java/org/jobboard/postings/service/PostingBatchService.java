package org.jobboard.postings.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.platform.problem.ProblemMappers;
import org.jobboard.postings.rest.BatchRequest;
import org.jobboard.postings.rest.BatchResult;
import org.jobboard.postings.rest.PostingInput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Creates or updates up to 200 postings keyed by requisitionId. Each item commits in its own transaction, so good
 * items are kept when others fail; repeating the same batch changes nothing (every item UNCHANGED).
 */
@ApplicationScoped
public class PostingBatchService {
    @Inject
    PostingService postings;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    public BatchResult upsert(BatchRequest request) {
        postings.recruiterOrganization(); // fail the whole call early for a caller who may not write postings
        boolean publish = Boolean.TRUE.equals(request.publish());
        List<BatchResult.Item> results = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        for (int i = 0; i < request.items().size(); i++) {
            BatchResult.Item result = upsertOne(i, request.items().get(i), publish);
            results.add(result);
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case ERROR -> failed++;
            }
        }
        return new BatchResult(results, created, updated, unchanged, failed);
    }

    private BatchResult.Item upsertOne(int index, Object raw, boolean publish) {
        String prefix = "items[" + index + "].";
        PostingInput input;
        try {
            input = json.convertValue(raw, PostingInput.class);
        } catch (IllegalArgumentException e) {
            ApiException problem = e.getCause() instanceof JsonProcessingException jpe ? ProblemMappers.invalidJson(jpe)
                    : ApiException.badRequest("not a posting", List.of(new FieldError("body", "is not a posting")));
            return error(index, null, problem, prefix);
        }
        Set<ConstraintViolation<PostingInput>> violations = validator.validate(input);
        List<FieldError> errors = new ArrayList<>(violations.stream()
                .map(v -> new FieldError(prefix + v.getPropertyPath(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList());
        if (input.requisitionId() == null || input.requisitionId().isBlank()) {
            errors.add(new FieldError(prefix + "requisitionId", "is required in a batch (it is the item's key)"));
        }
        if (!errors.isEmpty()) {
            return new BatchResult.Item(index, input.requisitionId(), BatchResult.Outcome.ERROR, null, null, null, 400,
                    "invalid posting", errors);
        }
        try {
            // its own transaction even inside an Idempotency-Key transaction: a failing item rolls back only itself
            PostingInput item = input;
            PostingService.UpsertResult result = QuarkusTransaction.requiringNew()
                    .call(() -> postings.upsertByRequisition(item, publish));
            return new BatchResult.Item(index, input.requisitionId(), result.outcome(), result.posting().id(),
                    result.posting().status().name(), result.posting().version(), null, null, null);
        } catch (ApiException e) {
            return error(index, input.requisitionId(), e, prefix);
        }
    }

    private static BatchResult.Item error(int index, String requisitionId, ApiException e, String prefix) {
        var problem = e.toProblem();
        List<FieldError> errors = problem.errors == null ? null
                : problem.errors.stream().map(f -> new FieldError(prefix + f.field(), f.message())).toList();
        return new BatchResult.Item(index, requisitionId, BatchResult.Outcome.ERROR, null, null, null, e.status(),
                problem.detail, errors);
    }
}
