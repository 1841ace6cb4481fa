package org.jobboard.postings.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.postings.api.OrganizationInput;
import org.jobboard.postings.api.OrganizationView;
import org.jobboard.postings.api.PostingInput;
import org.jobboard.postings.api.PostingView;
import org.jobboard.postings.domain.MarkdownRenderer;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.OrganizationProfile;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.domain.PostingContent;
import org.jobboard.postings.service.PostingDetails;

import java.util.List;

/** Between the domain and its API shapes: views out, domain commands in, and the base of a merge patch. */
@ApplicationScoped
public class PostingApiMapper {
    @Inject
    MarkdownRenderer markdown;

    public PostingView toView(PostingDetails details) {
        return toView(details.posting(), details.organization());
    }

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

    /** The writable fields as the API names them: the base a merge patch applies to. */
    public PostingInput toInput(PostingContent content) {
        return new PostingInput(content.title(), content.description(), content.requisitionId(),
                content.employmentTypes(), content.workplaceType(), content.locations(),
                content.applicantLocationRequirements(), content.salary(), content.seniority(), content.skills(),
                content.category(), content.applyMethod(), content.validThrough());
    }

    public PostingContent toContent(PostingInput input) {
        return new PostingContent(input.title(), input.description(), input.requisitionId(), input.employmentTypes(),
                input.workplaceType(), input.locations(), input.applicantLocationRequirements(), input.salary(),
                input.seniority(), input.skills(), input.category(), input.applyMethod(), input.validThrough());
    }

    public OrganizationView toView(Organization organization) {
        return new OrganizationView(organization.id.toString(), organization.name, organization.website,
                organization.logoUrl, organization.description, organization.headquarters, organization.version,
                organization.createdAt, organization.updatedAt);
    }

    public OrganizationInput toInput(OrganizationProfile profile) {
        return new OrganizationInput(null, profile.name(), profile.website(), profile.logoUrl(), profile.description(),
                profile.headquarters());
    }

    public OrganizationProfile toProfile(OrganizationInput input) {
        return new OrganizationProfile(input.name(), input.website(), input.logoUrl(), input.description(),
                input.headquarters());
    }
}
