package org.jobboard.postings.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.SalaryPeriod;
import org.jobboard.contracts.postings.Seniority;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the schema.org JSON-LD looks (for the OpenAPI document; rest.JobPostingJsonLd and rest.OrganizationJsonLd
 * write it as maps): exactly the properties they emit, with the types they emit, so that a client generated from the
 * document reads every JSON-LD answer. Properties they leave out when there is nothing to say are optional here, and
 * none is ever null. JsonLdTest validates real answers against these schemas.
 */
public final class JsonLdSchemas {
    private JsonLdSchemas() {
    }

    static final String CONTEXT = "https://schema.org/";

    @Schema(name = "JobPostingJsonLd", description = "schema.org JobPosting as Google for Jobs reads it; <, >, & and "
            + "U+2028/U+2029 in its strings are written as \\u escapes, so that it can be embedded in a script element",
            requiredProperties = { "@context", "@type", "title", "description", "identifier", "url",
                    "hiringOrganization" })
    public static class JobPosting {
        @JsonProperty("@context")
        @Schema(enumeration = CONTEXT)
        public String context;

        @JsonProperty("@type")
        @Schema(enumeration = "JobPosting")
        public String type;

        @Schema(minLength = 1, maxLength = 200)
        public String title;

        @Schema(description = "The description rendered from Markdown and sanitized (HTML); empty when the posting "
                + "has none yet", maxLength = 1048576)
        public String description;

        public PropertyValue identifier;

        @Schema(description = "Where job seekers see the posting: the board's job page, or the API's posting URL",
                format = "uri", maxLength = 2048)
        public String url;

        @Schema(description = "The day it was first published (UTC); absent while it never was", format = "date",
                maxLength = 10)
        public String datePosted;

        @Schema(description = "When it expires; absent on a draft not yet given one", format = "date-time",
                maxLength = 64)
        public String validThrough;

        @Schema(description = "Absent when none is set", minItems = 1, maxItems = 8)
        public List<EmploymentType> employmentType;

        public HiringOrganization hiringOrganization;

        @Schema(description = "The posting's locations, an array even of one; absent when it has none (a remote "
                + "posting)", minItems = 1, maxItems = 50)
        public List<Place> jobLocation;

        @Schema(description = "Present on remote postings only", enumeration = "TELECOMMUTE")
        public String jobLocationType;

        @Schema(description = "The countries a remote applicant must live in; absent when none are set",
                minItems = 1, maxItems = 250)
        public List<Country> applicantLocationRequirements;

        @Schema(description = "Absent when the posting states no pay")
        public MonetaryAmount baseSalary;

        @Schema(description = "true when candidates apply on the board itself (apply method DIRECT); absent while "
                + "no apply method is set")
        public Boolean directApply;

        @Schema(description = "The posting's seniority; absent when none is set")
        public Seniority experienceRequirements;

        @Schema(description = "The posting's skills as one comma-separated text (\"java, kafka\"); absent when none "
                + "are set", minLength = 1, maxLength = 2600)
        public String skills;

        @Schema(description = "The posting's category; absent when none is set", minLength = 1, maxLength = 100)
        public String occupationalCategory;
    }

    @Schema(name = "PropertyValueJsonLd", description = "The posting's identifier: the employer's requisition id, "
            + "or the posting's id when it has none", requiredProperties = { "@type", "name", "value" })
    public static class PropertyValue {
        @JsonProperty("@type")
        @Schema(enumeration = "PropertyValue")
        public String type;

        @Schema(description = "The hiring organization's name", maxLength = 200)
        public String name;

        @Schema(maxLength = 40)
        public String value;
    }

    @Schema(name = "HiringOrganizationJsonLd", description = "schema.org Organization as a JobPosting names its employer",
            requiredProperties = { "@type", "name" })
    public static class HiringOrganization {
        @JsonProperty("@type")
        @Schema(enumeration = "Organization")
        public String type;

        @Schema(maxLength = 200)
        public String name;

        @Schema(description = "The organization's website; absent when it has none", format = "uri", maxLength = 2000)
        public String sameAs;

        @Schema(description = "Absent when the organization has no logo", format = "uri", maxLength = 2000)
        public String logo;
    }

    @Schema(name = "PlaceJsonLd", requiredProperties = { "@type", "address" })
    public static class Place {
        @JsonProperty("@type")
        @Schema(enumeration = "Place")
        public String type;

        public PostalAddress address;

        @Schema(description = "Present when the location has both latitude and longitude")
        public GeoCoordinates geo;
    }

    @Schema(name = "PostalAddressJsonLd", description = "Only the parts the location has, the country always",
            requiredProperties = { "@type", "addressCountry" })
    public static class PostalAddress {
        @JsonProperty("@type")
        @Schema(enumeration = "PostalAddress")
        public String type;

        @Schema(description = "The city", maxLength = 100)
        public String addressLocality;

        @Schema(description = "ISO 3166-2 subdivision code or name", maxLength = 100)
        public String addressRegion;

        @Schema(maxLength = 20)
        public String postalCode;

        @Schema(description = "ISO 3166-1 alpha-2", pattern = "^[A-Z]{2}$", maxLength = 2)
        public String addressCountry;
    }

    @Schema(name = "GeoCoordinatesJsonLd", requiredProperties = { "@type", "latitude", "longitude" })
    public static class GeoCoordinates {
        @JsonProperty("@type")
        @Schema(enumeration = "GeoCoordinates")
        public String type;

        @Schema(minimum = "-90", maximum = "90")
        public double latitude;

        @Schema(minimum = "-180", maximum = "180")
        public double longitude;
    }

    @Schema(name = "CountryJsonLd", requiredProperties = { "@type", "name" })
    public static class Country {
        @JsonProperty("@type")
        @Schema(enumeration = "Country")
        public String type;

        @Schema(description = "The country's English name (\"United States\"), or its ISO 3166-1 alpha-2 code when "
                + "it has none", minLength = 1, maxLength = 100)
        public String name;
    }

    @Schema(name = "MonetaryAmountJsonLd", requiredProperties = { "@type", "currency", "value" })
    public static class MonetaryAmount {
        @JsonProperty("@type")
        @Schema(enumeration = "MonetaryAmount")
        public String type;

        @Schema(description = "ISO 4217", pattern = "^[A-Z]{3}$", maxLength = 3)
        public String currency;

        public QuantitativeValue value;
    }

    @Schema(name = "QuantitativeValueJsonLd", description = "The pay range; an open end is absent",
            requiredProperties = { "@type", "unitText" })
    public static class QuantitativeValue {
        @JsonProperty("@type")
        @Schema(enumeration = "QuantitativeValue")
        public String type;

        @Schema(description = "A JSON number", minimum = "0")
        public BigDecimal minValue;

        @Schema(description = "A JSON number", minimum = "0")
        public BigDecimal maxValue;

        @Schema(description = "The period the amounts are paid for")
        public SalaryPeriod unitText;
    }

    @Schema(name = "OrganizationJsonLd", description = "schema.org Organization: an organization's public profile; <, "
            + ">, & and U+2028/U+2029 in its strings are written as \\u escapes, so that it can be embedded in a "
            + "script element", requiredProperties = { "@context", "@type", "name" })
    public static class Organization {
        @JsonProperty("@context")
        @Schema(enumeration = CONTEXT)
        public String context;

        @JsonProperty("@type")
        @Schema(enumeration = "Organization")
        public String type;

        @Schema(maxLength = 200)
        public String name;

        @Schema(description = "The organization's website; absent when it has none", format = "uri", maxLength = 2000)
        public String url;

        @Schema(description = "Absent when the organization has no logo", format = "uri", maxLength = 2000)
        public String logo;

        @Schema(description = "Absent when the organization has none", maxLength = 10000)
        public String description;
    }
}
