package org.jobboard.postings.domain;

/** An organization's public profile: what an admin creates and its recruiters change. */
public record OrganizationProfile(String name, String website, String logoUrl, String description,
        Location headquarters) {
}
