package org.jobboard.postings.api;

/**
 * Request and response examples of the OpenAPI document: a real posting of the demo organization Acme, as the API
 * answers it, so integrators and generated clients see realistic values.
 */
public final class PostingExamples {
    private PostingExamples() {
    }

    public static final String POSTING_INPUT = """
            {"title": "Senior Java Developer",
             "description": "## About the role\\n\\nBuild the services behind our checkout.\\n\\n## You bring\\n\\n- 5+ years of Java\\n- Kafka",
             "requisitionId": "ACME-1042",
             "employmentTypes": ["FULL_TIME"],
             "workplaceType": "HYBRID",
             "locations": [{"country": "US", "region": "CO", "city": "Denver", "postalCode": "80202",
                            "latitude": 39.7392, "longitude": -104.9903}],
             "salary": {"currency": "USD", "min": "120000", "max": "150000", "period": "YEAR"},
             "seniority": "SENIOR",
             "skills": ["java", "kafka", "postgresql"],
             "category": "Engineering",
             "applyMethod": {"type": "DIRECT", "questions": [
               {"id": "authorized", "label": "Are you authorized to work in the United States?", "type": "YES_NO",
                "required": true, "knockoutAnswer": "NO"}]},
             "validThrough": "2026-12-28T00:00:00Z"}
            """;

    public static final String POSTING = """
            {"id": "01a2206e-e027-759f-9c09-ec6468d522f6",
             "organizationId": "0193e0a0-0000-7000-8000-00000000ac3e",
             "organization": {"id": "0193e0a0-0000-7000-8000-00000000ac3e", "name": "Acme Corporation",
                              "website": "https://acme.example", "logoUrl": "https://acme.example/logo.png"},
             "status": "PUBLISHED",
             "title": "Senior Java Developer",
             "description": "## About the role\\n\\nBuild the services behind our checkout.\\n\\n## You bring\\n\\n- 5+ years of Java\\n- Kafka",
             "descriptionHtml": "<h2>About the role</h2>\\n<p>Build the services behind our checkout.</p>\\n<h2>You bring</h2>\\n<ul>\\n <li>5+ years of Java</li>\\n <li>Kafka</li>\\n</ul>",
             "requisitionId": "ACME-1042",
             "employmentTypes": ["FULL_TIME"],
             "workplaceType": "HYBRID",
             "locations": [{"country": "US", "region": "CO", "city": "Denver", "postalCode": "80202",
                            "latitude": 39.7392, "longitude": -104.9903}],
             "applicantLocationRequirements": [],
             "salary": {"currency": "USD", "min": "120000.00", "max": "150000.00", "period": "YEAR"},
             "seniority": "SENIOR",
             "skills": ["java", "kafka", "postgresql"],
             "category": "Engineering",
             "applyMethod": {"type": "DIRECT", "questions": [
               {"id": "authorized", "label": "Are you authorized to work in the United States?", "type": "YES_NO",
                "required": true, "knockoutAnswer": "NO"}]},
             "validThrough": "2026-12-28T00:00:00Z",
             "version": 1,
             "createdAt": "2026-11-28T04:34:26.983158Z",
             "updatedAt": "2026-11-28T04:34:26.98353Z",
             "publishedAt": "2026-11-28T04:34:26.98353Z"}
            """;

    public static final String DRAFT = """
            {"id": "01a2206f-5a23-70b7-a347-7e2d427deb94",
             "organizationId": "0193e0a0-0000-7000-8000-00000000ac3e",
             "organization": {"id": "0193e0a0-0000-7000-8000-00000000ac3e", "name": "Acme Corporation",
                              "website": "https://acme.example", "logoUrl": "https://acme.example/logo.png"},
             "status": "DRAFT",
             "title": "Senior Java Developer",
             "requisitionId": "ACME-1042",
             "employmentTypes": ["FULL_TIME"],
             "workplaceType": "HYBRID",
             "locations": [{"country": "US", "region": "CO", "city": "Denver"}],
             "applicantLocationRequirements": [],
             "salary": {"currency": "USD", "min": "120000.00", "max": "150000.00", "period": "YEAR"},
             "skills": ["java"],
             "version": 0,
             "createdAt": "2026-11-28T04:40:02.112Z",
             "updatedAt": "2026-11-28T04:40:02.112Z"}
            """;

    public static final String CLOSED = """
            {"id": "01a2206e-e027-759f-9c09-ec6468d522f6",
             "organizationId": "0193e0a0-0000-7000-8000-00000000ac3e",
             "organization": {"id": "0193e0a0-0000-7000-8000-00000000ac3e", "name": "Acme Corporation"},
             "status": "CLOSED",
             "title": "Senior Java Developer",
             "requisitionId": "ACME-1042",
             "employmentTypes": ["FULL_TIME"],
             "workplaceType": "HYBRID",
             "locations": [{"country": "US", "region": "CO", "city": "Denver"}],
             "applicantLocationRequirements": [],
             "skills": ["Java", "Kafka"],
             "salary": {"currency": "USD", "min": "120000.00", "max": "150000.00", "period": "YEAR"},
             "validThrough": "2026-12-28T00:00:00Z",
             "closeReason": "FILLED",
             "version": 2,
             "createdAt": "2026-11-28T04:34:26.983158Z",
             "updatedAt": "2026-12-02T09:12:00Z",
             "publishedAt": "2026-11-28T04:34:26.98353Z",
             "closedAt": "2026-12-02T09:12:00Z"}
            """;

    public static final String POSTING_PAGE = "{\"items\": [" + POSTING + "], \"nextCursor\": "
            + "\"cG9zdGluZ3N8bnVsbHxbUFVCTElTSEVEXXxudWxsHzIwMjYtMTEtMjhUMDQ6MzQ6MzQuNTU1NDY4Wh8wMWEy\"}";

    public static final String MERGE_PATCH = """
            {"title": "Staff Java Developer", "seniority": "LEAD", "category": null}
            """;

    public static final String JSON_LD = """
            {"@context": "https://schema.org/", "@type": "JobPosting",
             "title": "Senior Java Developer",
             "description": "<h2>About the role</h2>\\n<p>Build the services behind our checkout.</p>",
             "identifier": {"@type": "PropertyValue", "name": "Acme Corporation", "value": "ACME-1042"},
             "url": "https://api.jobboard.example/v1/postings/01a2206e-e027-759f-9c09-ec6468d522f6",
             "datePosted": "2026-11-28", "validThrough": "2026-12-28T00:00:00Z",
             "employmentType": ["FULL_TIME"],
             "hiringOrganization": {"@type": "Organization", "name": "Acme Corporation",
                                    "sameAs": "https://acme.example", "logo": "https://acme.example/logo.png"},
             "jobLocation": [{"@type": "Place",
                              "address": {"@type": "PostalAddress", "addressLocality": "Denver", "addressRegion": "CO",
                                          "postalCode": "80202", "addressCountry": "US"},
                              "geo": {"@type": "GeoCoordinates", "latitude": 39.7392, "longitude": -104.9903}}],
             "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
                            "value": {"@type": "QuantitativeValue", "minValue": 120000.0, "maxValue": 150000.0,
                                      "unitText": "YEAR"}},
             "directApply": true,
             "experienceRequirements": "SENIOR",
             "skills": "java, kafka, postgresql",
             "occupationalCategory": "Engineering"}
            """;

    public static final String PUBLISH = """
            {"validThrough": "2026-12-28T00:00:00Z"}
            """;

    public static final String CLOSE = """
            {"reason": "FILLED"}
            """;

    public static final String BATCH_REQUEST = """
            {"publish": true,
             "items": [
               {"requisitionId": "ACME-1042", "title": "Senior Java Developer", "employmentTypes": ["FULL_TIME"],
                "workplaceType": "HYBRID", "locations": [{"country": "US", "region": "CO", "city": "Denver"}],
                "salary": {"currency": "USD", "min": "120000", "max": "150000", "period": "YEAR"}},
               {"title": "Data Engineer"}]}
            """;

    public static final String BATCH_RESULT = """
            {"items": [
               {"index": 0, "requisitionId": "ACME-1042", "outcome": "CREATED",
                "id": "01a2206f-5a23-70b7-a347-7e2d427deb94", "status": "PUBLISHED", "version": 1},
               {"index": 1, "outcome": "ERROR", "errorStatus": 400, "error": "invalid posting",
                "errors": [{"field": "items[1].requisitionId", "message": "is required in a batch (it is the item's key)"}]}],
             "created": 1, "updated": 0, "unchanged": 0, "failed": 1}
            """;

    public static final String ORGANIZATION_INPUT = """
            {"id": "0193e0a0-0000-7000-8000-00000000ac3e",
             "name": "Acme Corporation",
             "website": "https://acme.example",
             "logoUrl": "https://acme.example/logo.png",
             "description": "Makers of everything, since 1949.",
             "headquarters": {"country": "US", "region": "NY", "city": "New York"}}
            """;

    public static final String ORGANIZATION = """
            {"id": "0193e0a0-0000-7000-8000-00000000ac3e",
             "name": "Acme Corporation",
             "website": "https://acme.example",
             "logoUrl": "https://acme.example/logo.png",
             "description": "Makers of everything, since 1949.",
             "headquarters": {"country": "US", "region": "NY", "city": "New York"},
             "version": 0,
             "createdAt": "2026-11-28T04:34:17.905467Z",
             "updatedAt": "2026-11-28T04:34:17.905467Z"}
            """;

    public static final String ORGANIZATION_JSON_LD = """
            {"@context": "https://schema.org/", "@type": "Organization",
             "name": "Acme Corporation",
             "url": "https://acme.example",
             "logo": "https://acme.example/logo.png",
             "description": "Makers of everything, since 1949."}
            """;

    public static final String ORGANIZATION_PATCH = """
            {"description": "Makers of everything, since 1949. Now hiring in Denver."}
            """;

    public static final String CHANGES = "{\"items\": [{\"id\": \"01a2206e-e027-759f-9c09-ec6468d522f6\", "
            + "\"change\": \"PUBLISHED\", \"status\": \"PUBLISHED\", \"version\": 1, "
            + "\"changedAt\": \"2026-11-28T04:34:26.98353Z\", \"posting\": " + POSTING + "}], "
            + "\"nextCursor\": \"ZmVlZHx8MjAyNi0xMS0yOFQwNDozNDoyNi45ODM1M1ofMDFhMjIwNmUtZTAyNw\"}";

    public static final String FEED_XML = """
            <?xml version="1.0" encoding="UTF-8"?><source><publisher>Jobboard</publisher>\
            <publisherurl>https://api.jobboard.example</publisherurl>\
            <lastBuildDate>Sat, 28 Nov 2026 04:34:51 GMT</lastBuildDate><job>\
            <title><![CDATA[Senior Java Developer]]></title><date>Sat, 28 Nov 2026 04:34:26 GMT</date>\
            <referencenumber>01a2206e-e027-759f-9c09-ec6468d522f6</referencenumber>\
            <requisitionid>ACME-1042</requisitionid>\
            <url>https://api.jobboard.example/v1/postings/01a2206e-e027-759f-9c09-ec6468d522f6</url>\
            <company><![CDATA[Acme Corporation]]></company><city>Denver</city><state>CO</state><country>US</country>\
            <postalcode>80202</postalcode><description><![CDATA[<h2>About the role</h2>]]></description>\
            <salary>USD 120000.00 - 150000.00 per year</salary><jobtype>fulltime</jobtype>\
            <expirationdate>2026-12-28</expirationdate></job></source>
            """;
}
