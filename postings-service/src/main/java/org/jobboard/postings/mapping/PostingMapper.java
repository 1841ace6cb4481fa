package org.jobboard.postings.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.rest.OrganizationInput;
import org.jobboard.postings.rest.OrganizationView;
import org.jobboard.postings.rest.PostingInput;
import org.jobboard.postings.rest.PostingView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Between the posting aggregate and its API shapes. */
@ApplicationScoped
public class PostingMapper {
    @Inject
    MarkdownRenderer markdown;

    public PostingView toView(Posting posting, Organization organization) {
        PostingView.OrganizationSummary summary = organization == null ? null
                : new PostingView.OrganizationSummary(organization.id.toString(), organization.name,
                        organization.website, organization.logoUrl);
        return new PostingView(posting.id.toString(), posting.organizationId.toString(), summary, posting.status,
                posting.title, posting.description, markdown.toSafeHtml(posting.description), posting.requisitionId,
                List.copyOf(posting.employmentTypes), posting.workplaceType, List.copyOf(posting.locations),
                List.copyOf(posting.applicantLocationRequirements), posting.salary, posting.seniority,
                List.copyOf(posting.skills), posting.category, posting.applyMethod, posting.validThrough,
                posting.closeReason, posting.version, posting.createdAt, posting.updatedAt, posting.publishedAt,
                posting.closedAt);
    }

    /** The writable fields of a posting, as the base a merge patch applies to. */
    public PostingInput toInput(Posting posting) {
        return new PostingInput(posting.title, posting.description, posting.requisitionId,
                List.copyOf(posting.employmentTypes), posting.workplaceType, List.copyOf(posting.locations),
                List.copyOf(posting.applicantLocationRequirements), posting.salary, posting.seniority,
                List.copyOf(posting.skills), posting.category, posting.applyMethod, posting.validThrough);
    }

    public void apply(PostingInput input, Posting posting) {
        posting.title = input.title().strip();
        posting.description = input.description();
        posting.requisitionId = blankToNull(input.requisitionId());
        posting.employmentTypes = input.employmentTypes() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(input.employmentTypes()));
        posting.workplaceType = input.workplaceType();
        posting.locations = input.locations() == null ? new ArrayList<>() : new ArrayList<>(input.locations());
        posting.applicantLocationRequirements = input.applicantLocationRequirements() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(input.applicantLocationRequirements()));
        posting.salary = input.salary();
        posting.seniority = input.seniority();
        posting.skills = normalizeSkills(input.skills());
        posting.category = blankToNull(input.category());
        posting.applyMethod = input.applyMethod();
        posting.validThrough = input.validThrough();
    }

    /** Skills are tags: trimmed, lower case, inner whitespace as single hyphens, duplicates dropped. */
    public static List<String> normalizeSkills(List<String> skills) {
        if (skills == null) {
            return new ArrayList<>();
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String skill : skills) {
            String tag = skill.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (!tag.isEmpty()) {
                normalized.add(tag);
            }
        }
        return new ArrayList<>(normalized);
    }

    public OrganizationView toView(Organization organization) {
        return new OrganizationView(organization.id.toString(), organization.name, organization.website,
                organization.logoUrl, organization.description, organization.headquarters, organization.version,
                organization.createdAt, organization.updatedAt);
    }

    public OrganizationInput toInput(Organization organization) {
        return new OrganizationInput(null, organization.name, organization.website, organization.logoUrl,
                organization.description, organization.headquarters);
    }

    public void apply(OrganizationInput input, Organization organization) {
        organization.name = input.name().strip();
        organization.website = input.website();
        organization.logoUrl = input.logoUrl();
        organization.description = input.description();
        organization.headquarters = input.headquarters();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
