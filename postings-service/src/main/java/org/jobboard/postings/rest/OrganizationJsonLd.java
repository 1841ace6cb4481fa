package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.postings.domain.Organization;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * schema.org Organization for an organization's page: name, url (its website), logo and description, each only when
 * set (the OpenAPI schema OrganizationJsonLd in api.JsonLdSchemas says the same).
 */
@ApplicationScoped
public class OrganizationJsonLd {
    @Inject
    ObjectMapper json;

    /** The Organization as JSON text safe to embed in a script element (see {@link ScriptSafeJson}). */
    public String toEmbeddableJson(Organization organization) {
        return ScriptSafeJson.write(json, toJsonLd(organization));
    }

    public Map<String, Object> toJsonLd(Organization organization) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@context", "https://schema.org/");
        org.put("@type", "Organization");
        org.put("name", organization.name);
        if (organization.website != null) {
            org.put("url", organization.website);
        }
        if (organization.logoUrl != null) {
            org.put("logo", organization.logoUrl);
        }
        if (organization.description != null && !organization.description.isBlank()) {
            org.put("description", organization.description);
        }
        return org;
    }
}
