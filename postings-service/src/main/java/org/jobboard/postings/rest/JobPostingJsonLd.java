package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.contracts.postings.ApplyType;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.postings.domain.Location;
import org.jobboard.postings.domain.MarkdownRenderer;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.contracts.postings.WorkplaceType;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * schema.org JobPosting as Google for Jobs reads it: the required properties (title, description as HTML,
 * datePosted, hiringOrganization, jobLocation or TELECOMMUTE with applicantLocationRequirements) and the recommended
 * ones (identifier, baseSalary, employmentType, validThrough, directApply, logo and sameAs). The OpenAPI document
 * describes it as api.JsonLdSchemas.JobPosting: a property or type changed here changes there too (JsonLdTest
 * validates real answers against the document and fails on any property it does not name).
 */
@ApplicationScoped
public class JobPostingJsonLd {
    @Inject
    MarkdownRenderer markdown;

    @Inject
    PostingLinks links;

    @Inject
    ObjectMapper json;

    /** The JobPosting as JSON text safe to embed in a script element (see {@link ScriptSafeJson}). */
    public String toEmbeddableJson(Posting posting, Organization organization) {
        return ScriptSafeJson.write(json, toJsonLd(posting, organization));
    }

    public Map<String, Object> toJsonLd(Posting posting, Organization organization) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("@context", "https://schema.org/");
        job.put("@type", "JobPosting");
        job.put("title", posting.title);
        String html = markdown.toSafeHtml(posting.description);
        job.put("description", html == null ? "" : html);
        job.put("identifier", Map.of("@type", "PropertyValue", "name", organization.name,
                "value", posting.requisitionId != null ? posting.requisitionId : posting.id.toString()));
        job.put("url", links.jobPage(posting.id));
        if (posting.publishedAt != null) {
            job.put("datePosted", posting.publishedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (posting.validThrough != null) {
            job.put("validThrough", posting.validThrough.toString());
        }
        if (!posting.employmentTypes.isEmpty()) {
            job.put("employmentType", posting.employmentTypes.stream().map(EmploymentType::name).toList());
        }
        job.put("hiringOrganization", hiringOrganization(organization));
        if (!posting.locations.isEmpty()) {
            List<Map<String, Object>> places = new ArrayList<>();
            for (Location location : posting.locations) {
                places.add(place(location));
            }
            // an array even of one place: the same JSON-LD as the lone value, and one type for generated clients (a
            // oneOf of object and array does not compile in openapi-generator's Java clients)
            job.put("jobLocation", places);
        }
        if (posting.workplaceType == WorkplaceType.REMOTE) {
            job.put("jobLocationType", "TELECOMMUTE");
        }
        if (!posting.applicantLocationRequirements.isEmpty()) {
            job.put("applicantLocationRequirements", posting.applicantLocationRequirements.stream()
                    .map(code -> Map.of("@type", "Country", "name", countryName(code))).toList());
        }
        if (posting.salary != null) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("@type", "QuantitativeValue");
            if (posting.salary.min() != null) {
                value.put("minValue", posting.salary.min());
            }
            if (posting.salary.max() != null) {
                value.put("maxValue", posting.salary.max());
            }
            value.put("unitText", posting.salary.period().name());
            job.put("baseSalary", Map.of("@type", "MonetaryAmount", "currency", posting.salary.currency(),
                    "value", value));
        }
        if (posting.applyMethod != null) {
            job.put("directApply", posting.applyMethod.type() == ApplyType.DIRECT);
        }
        if (posting.seniority != null) {
            job.put("experienceRequirements", posting.seniority.name());
        }
        if (!posting.skills.isEmpty()) {
            job.put("skills", String.join(", ", posting.skills));
        }
        if (posting.category != null) {
            job.put("occupationalCategory", posting.category);
        }
        return job;
    }

    private static Map<String, Object> hiringOrganization(Organization organization) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@type", "Organization");
        org.put("name", organization.name);
        if (organization.website != null) {
            org.put("sameAs", organization.website);
        }
        if (organization.logoUrl != null) {
            org.put("logo", organization.logoUrl);
        }
        return org;
    }

    private static Map<String, Object> place(Location location) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("@type", "PostalAddress");
        if (location.city() != null) {
            address.put("addressLocality", location.city());
        }
        if (location.region() != null) {
            address.put("addressRegion", location.region());
        }
        if (location.postalCode() != null) {
            address.put("postalCode", location.postalCode());
        }
        address.put("addressCountry", location.country());
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        place.put("address", address);
        if (location.latitude() != null && location.longitude() != null) {
            place.put("geo", Map.of("@type", "GeoCoordinates", "latitude", location.latitude(),
                    "longitude", location.longitude()));
        }
        return place;
    }

    private static String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
