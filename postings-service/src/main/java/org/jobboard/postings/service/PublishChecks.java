package org.jobboard.postings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.postings.config.PostingsConfig;
import org.jobboard.contracts.postings.ApplyType;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.domain.Question;
import org.jobboard.contracts.postings.QuestionType;
import org.jobboard.contracts.postings.WorkplaceType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a posting needs before the public sees it: Google for Jobs' required properties, coherent values, and the
 * pay-transparency rules of its locations' jurisdictions. Returns every failing field at once (422).
 */
@ApplicationScoped
public class PublishChecks {
    @Inject
    PostingsConfig config;

    @Inject
    PayTransparencyRules payRules;

    public List<FieldError> check(Posting posting, Organization organization, Instant validThrough, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (posting.title == null || posting.title.isBlank()) {
            errors.add(new FieldError("title", "is required to publish"));
        }
        if (posting.description == null || posting.description.isBlank()) {
            errors.add(new FieldError("description", "is required to publish"));
        }
        if (organization == null || organization.name == null || organization.name.isBlank()) {
            errors.add(new FieldError("organizationId", "the hiring organization needs a name to publish"));
        }
        if (posting.employmentTypes.isEmpty()) {
            errors.add(new FieldError("employmentTypes", "at least one is required to publish"));
        }
        if (posting.workplaceType == null) {
            errors.add(new FieldError("workplaceType", "is required to publish"));
        }
        if (posting.workplaceType == WorkplaceType.REMOTE) {
            if (posting.applicantLocationRequirements.isEmpty()) {
                errors.add(new FieldError("applicantLocationRequirements",
                        "a REMOTE posting must name the countries applicants may live in"));
            }
        } else if (posting.locations.isEmpty()) {
            errors.add(new FieldError("locations", "at least one location is required unless the posting is REMOTE"));
        }
        checkSalary(posting, errors);
        checkApplyMethod(posting, errors);
        if (validThrough != null) {
            if (!validThrough.isAfter(now)) {
                errors.add(new FieldError("validThrough", "must be in the future"));
            } else if (validThrough.isAfter(now.plus(config.maxValidity()))) {
                errors.add(new FieldError("validThrough", "may be at most " + config.maxValidity().toDays()
                        + " days ahead"));
            }
        }
        errors.addAll(payRules.check(posting));
        return errors;
    }

    private static void checkSalary(Posting posting, List<FieldError> errors) {
        if (posting.salary == null) {
            return;
        }
        if (posting.salary.min() == null && posting.salary.max() == null) {
            errors.add(new FieldError("salary", "needs min, max or both"));
        }
        if (posting.salary.min() != null && posting.salary.max() != null
                && posting.salary.min().compareTo(posting.salary.max()) > 0) {
            errors.add(new FieldError("salary.max", "must be >= salary.min"));
        }
    }

    private static void checkApplyMethod(Posting posting, List<FieldError> errors) {
        if (posting.applyMethod == null) {
            errors.add(new FieldError("applyMethod", "is required to publish"));
            return;
        }
        if (posting.applyMethod.type() == ApplyType.EXTERNAL) {
            String url = posting.applyMethod.url();
            if (url == null || !url.matches("https://[^\\s/$.?#][^\\s]*")) {
                errors.add(new FieldError("applyMethod.url", "an EXTERNAL apply method needs an https URL"));
            }
            if (posting.applyMethod.questions() != null && !posting.applyMethod.questions().isEmpty()) {
                errors.add(new FieldError("applyMethod.questions", "only DIRECT apply methods have a form"));
            }
            return;
        }
        if (posting.applyMethod.url() != null) {
            errors.add(new FieldError("applyMethod.url", "a DIRECT apply method has no URL"));
        }
        List<Question> questions = posting.applyMethod.questions() == null ? List.of() : posting.applyMethod.questions();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String path = "applyMethod.questions[" + i + "]";
            if (!ids.add(q.id())) {
                errors.add(new FieldError(path + ".id", "duplicates another question's id"));
            }
            boolean choice = q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTI_CHOICE;
            List<String> choices = q.choices() == null ? List.of() : q.choices();
            if (choice && choices.size() < 2) {
                errors.add(new FieldError(path + ".choices", "a choice question needs at least two choices"));
            }
            if (!choice && !choices.isEmpty()) {
                errors.add(new FieldError(path + ".choices", "only choice questions have choices"));
            }
            if (q.knockoutAnswer() != null) {
                boolean valid = switch (q.type()) {
                    case YES_NO -> q.knockoutAnswer().equals("YES") || q.knockoutAnswer().equals("NO");
                    case SINGLE_CHOICE, MULTI_CHOICE -> choices.contains(q.knockoutAnswer());
                    default -> false;
                };
                if (!valid) {
                    errors.add(new FieldError(path + ".knockoutAnswer",
                            "must be YES or NO for YES_NO, one of the choices for choice questions; other types have none"));
                }
            }
        }
    }
}
