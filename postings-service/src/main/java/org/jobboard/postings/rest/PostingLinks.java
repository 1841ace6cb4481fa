package org.jobboard.postings.rest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jobboard.postings.config.PostingsConfig;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** Where job seekers see a posting: the front end's job page when configured, otherwise the API's posting URL. */
@Singleton
public class PostingLinks {
    private static final String PLACEHOLDER = "{id}";

    private final String apiBase;
    private final Optional<String> jobPageTemplate;

    @Inject
    public PostingLinks(PostingsConfig config) {
        this(config.publicBaseUrl(), config.jobPageUrl());
    }

    PostingLinks(String apiBase, Optional<String> jobPageTemplate) {
        jobPageTemplate.ifPresent(PostingLinks::requireValidTemplate);
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.jobPageTemplate = jobPageTemplate;
    }

    public String jobPage(UUID postingId) {
        return jobPageTemplate.map(template -> template.replace(PLACEHOLDER, postingId.toString()))
                .orElseGet(() -> apiBase + "/v1/postings/" + postingId);
    }

    /** A wrong template would publish broken links to every aggregator: refuse it at start. */
    private static void requireValidTemplate(String template) {
        URI uri;
        try {
            uri = URI.create(template.replace(PLACEHOLDER, "00000000-0000-0000-0000-000000000000"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jobboard.postings.job-page-url is not a URL: " + template, e);
        }
        if (!template.contains(PLACEHOLDER) || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("jobboard.postings.job-page-url must be an absolute http(s) URL containing "
                    + PLACEHOLDER + ", e.g. https://jobs.example.com/jobs/{id}; got " + template);
        }
    }
}
