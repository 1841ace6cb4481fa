package org.jobboard.search.api;

/** Response examples of the OpenAPI document: what a search for "java developer" near Denver really answers. */
public final class SearchExamples {
    private SearchExamples() {
    }

    public static final String SEARCH_RESPONSE = """
            {"items": [
               {"id": "01a2206e-e027-759f-9c09-ec6468d522f6", "title": "Senior Java Developer",
                "organization": {"id": "0193e0a0-0000-7000-8000-00000000ac3e", "name": "Acme Corporation",
                                 "logoUrl": "https://acme.example/logo.png"},
                "employmentTypes": ["FULL_TIME"], "workplaceType": "HYBRID", "seniority": "SENIOR",
                "locations": [{"country": "US", "region": "CO", "city": "Denver", "postalCode": "80202",
                               "latitude": 39.7392, "longitude": -104.9903}],
                "salary": {"currency": "USD", "min": "120000.00", "max": "150000.00", "period": "YEAR"},
                "skills": ["java", "kafka", "postgresql"], "category": "Engineering",
                "publishedAt": "2026-11-28T04:34:26.98353Z", "validThrough": "2026-12-28T00:00:00Z",
                "distanceKm": 2.4,
                "highlights": {"title": "Senior <em>Java Developer</em>",
                               "description": "Build the services behind our checkout with <em>Java</em> and Kafka."}}],
             "nextCursor": "c2VhcmNoL3Bvc3RpbmdzOkhMaVpTQTY3a3FXX2k1d0J1Qkh2cWQfZR8yMS45MTU3NzcfMDFhMjIwNmE",
             "total": {"value": 5, "relation": "eq"},
             "facets": {
               "employmentType": [{"value": "FULL_TIME", "count": 5}],
               "workplaceType": [{"value": "ON_SITE", "count": 3}, {"value": "HYBRID", "count": 2}],
               "seniority": [{"value": "MID", "count": 3}, {"value": "SENIOR", "count": 2}],
               "country": [{"value": "US", "count": 5}],
               "city": [{"value": "Denver", "count": 2}, {"value": "New York", "count": 3}],
               "skills": [{"value": "java", "count": 5}, {"value": "kafka", "count": 2}],
               "organization": [{"value": "0193e0a0-0000-7000-8000-00000000ac3e", "label": "Acme Corporation", "count": 3}],
               "salary": {"currency": "USD", "period": "YEAR",
                          "buckets": [{"min": 0, "count": 5}, {"min": 100000, "count": 4}, {"min": 140000, "count": 1}]}},
             "fuzzy": false}
            """;

    public static final String SUGGESTIONS = """
            {"items": [{"text": "java", "type": "SKILL", "count": 18},
                       {"text": "Senior Java Developer", "type": "TITLE", "count": 4},
                       {"text": "javascript", "type": "SKILL", "count": 1}]}
            """;

    public static final String INDEX_STATUS = """
            {"documents": 367, "tombstones": 8, "segments": 5, "sizeBytes": 405978,
             "committedOffsets": {"0": 66, "1": 73, "2": 62},
             "appliedOffsets": {"0": 66, "1": 73, "2": 62},
             "endOffsetsAtStart": {"0": 13, "1": 21, "2": 16},
             "caughtUp": true, "lastCommitAt": "2026-11-28T04:34:35.684794184Z"}
            """;
}
