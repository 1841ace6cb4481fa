package org.jobboard.postings.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.platform.problem.ProblemMappers;
import org.jobboard.postings.api.BatchRequest;
import org.jobboard.postings.api.BatchResult;
import org.jobboard.postings.api.PostingInput;
import org.jobboard.postings.service.PostingBatchService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The batch endpoint's items: each is read and validated on its own (an invalid item fails alone, its errors named
 * items[i].field), then upserted by {@link PostingBatchService}; the answer lists every item's outcome and the counts.
 */
@ApplicationScoped
public class PostingBatchApi {
    @Inject
    PostingBatchService service;

    @Inject
    PostingApiMapper mapper;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    public BatchResult upsert(BatchRequest request) {
        service.requireRecruiter();
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
        PostingBatchService.ItemResult result = service.upsert(mapper.toContent(input), publish);
        if (result.error() != null) {
            return error(index, input.requisitionId(), result.error(), prefix);
        }
        var posting = result.upserted().posting();
        return new BatchResult.Item(index, input.requisitionId(),
                BatchResult.Outcome.valueOf(result.upserted().outcome().name()), posting.id.toString(),
                posting.status.name(), posting.version, null, null, null);
    }

    private static BatchResult.Item error(int index, String requisitionId, ApiException e, String prefix) {
        var problem = e.toProblem();
        List<FieldError> errors = problem.errors == null ? null
                : problem.errors.stream().map(f -> new FieldError(prefix + f.field(), f.message())).toList();
        return new BatchResult.Item(index, requisitionId, BatchResult.Outcome.ERROR, null, null, null, e.status(),
                problem.detail, errors);
    }
}
