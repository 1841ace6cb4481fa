package org.jobboard.applications.api;

/** Request and response examples of the OpenAPI document: Alice's application to Acme's Java developer posting. */
public final class ApplicationExamples {
    private ApplicationExamples() {
    }

    public static final String APPLY = """
            {"postingId": "01a2206e-e027-759f-9c09-ec6468d522f6",
             "name": "Alice Candidate",
             "email": "alice@example.com",
             "phone": "+14155550123",
             "answers": {"authorized": "YES"},
             "coverLetter": "I have built Java services for eight years.",
             "consent": {"privacyPolicyVersion": "2026-01", "marketing": false},
             "source": {"utmSource": "linkedin", "utmCampaign": "fall-hiring"}}
            """;

    /** The same application with a small plain-text resume, base64-encoded (a PDF or DOCX travels the same way). */
    public static final String APPLY_WITH_RESUME = """
            {"postingId": "01a2206e-e027-759f-9c09-ec6468d522f6",
             "name": "Alice Candidate",
             "email": "alice@example.com",
             "phone": "+14155550123",
             "answers": {"authorized": "YES"},
             "coverLetter": "I have built Java services for eight years.",
             "consent": {"privacyPolicyVersion": "2026-01", "marketing": false},
             "source": {"utmSource": "linkedin", "utmCampaign": "fall-hiring"},
             "resume": {"fileName": "alice-cv.txt",
                        "content": "QWxpY2UgQ2FuZGlkYXRlClNlbmlvciBKYXZhIGRldmVsb3BlcjogZWlnaHQgeWVhcnMgb2Ygc2VydmljZXMgb24gUXVhcmt1cyBhbmQgS2Fma2EuCg=="}}
            """;

    public static final String CANDIDATE_APPLICATION = """
            {"id": "01a2206f-4360-7cdd-b8da-0faab1f5f6f3",
             "postingId": "01a2206e-e027-759f-9c09-ec6468d522f6",
             "postingTitle": "Senior Java Developer",
             "status": "SUBMITTED",
             "name": "Alice Candidate",
             "email": "alice@example.com",
             "phone": "+14155550123",
             "answers": {"authorized": "YES"},
             "coverLetter": "I have built Java services for eight years.",
             "statusHistory": [{"status": "SUBMITTED", "at": "2026-11-28T04:34:52.373937Z"}],
             "version": 0,
             "createdAt": "2026-11-28T04:34:52.373937Z",
             "updatedAt": "2026-11-28T04:34:52.373937Z"}
            """;

    public static final String WITHDRAWN = """
            {"id": "01a2206f-4360-7cdd-b8da-0faab1f5f6f3",
             "postingId": "01a2206e-e027-759f-9c09-ec6468d522f6",
             "postingTitle": "Senior Java Developer",
             "status": "WITHDRAWN",
             "name": "Alice Candidate",
             "email": "alice@example.com",
             "statusHistory": [{"status": "SUBMITTED", "at": "2026-11-28T04:34:52.373937Z"},
                               {"status": "WITHDRAWN", "at": "2026-11-29T08:00:00Z"}],
             "version": 1,
             "createdAt": "2026-11-28T04:34:52.373937Z",
             "updatedAt": "2026-11-29T08:00:00Z"}
            """;

    public static final String RECRUITER_APPLICATION = """
            {"id": "01a2206f-4360-7cdd-b8da-0faab1f5f6f3",
             "postingId": "01a2206e-e027-759f-9c09-ec6468d522f6",
             "postingTitle": "Senior Java Developer",
             "stage": "SCREENING",
             "erased": false,
             "name": "Alice Candidate",
             "email": "alice@example.com",
             "phone": "+14155550123",
             "answers": {"authorized": "YES"},
             "coverLetter": "I have built Java services for eight years.",
             "source": {"utmSource": "linkedin"},
             "history": [
               {"to": "APPLIED", "byRole": "CANDIDATE", "bySubject": "03827f44-2ce0-4b8a-9a44-182e8e062a07",
                "at": "2026-11-28T04:34:52.373937Z"},
               {"from": "APPLIED", "to": "SCREENING", "note": "Strong Java background", "byRole": "RECRUITER",
                "bySubject": "7c1e2a9d-58b3-4f0e-9d41-6a2f8b3c5e17", "at": "2026-11-28T09:10:00Z"}],
             "version": 1,
             "createdAt": "2026-11-28T04:34:52.373937Z",
             "updatedAt": "2026-11-28T09:10:00Z"}
            """;

    public static final String RECRUITER_PAGE = """
            {"items": [{"id": "01a2206f-4360-7cdd-b8da-0faab1f5f6f3",
                        "postingId": "01a2206e-e027-759f-9c09-ec6468d522f6",
                        "postingTitle": "Senior Java Developer", "stage": "APPLIED", "erased": false,
                        "name": "Alice Candidate", "email": "alice@example.com", "phone": "+14155550123",
                        "answers": {"authorized": "YES"}, "source": {"utmSource": "linkedin"}, "version": 0,
                        "createdAt": "2026-11-28T04:34:52.373937Z", "updatedAt": "2026-11-28T04:34:52.373937Z"}],
             "nextCursor": null}
            """;

    public static final String CANDIDATE_PAGE = """
            {"items": [{"id": "01a2206f-4360-7cdd-b8da-0faab1f5f6f3",
                        "postingId": "01a2206e-e027-759f-9c09-ec6468d522f6",
                        "postingTitle": "Senior Java Developer", "status": "IN_REVIEW",
                        "name": "Alice Candidate", "email": "alice@example.com", "version": 1,
                        "createdAt": "2026-11-28T04:34:52.373937Z", "updatedAt": "2026-11-28T09:10:00Z"}],
             "nextCursor": null}
            """;

    public static final String TRANSITION = """
            {"to": "SCREENING", "note": "Strong Java background"}
            """;

    public static final String REJECTION = """
            {"to": "REJECTED", "reason": "NOT_QUALIFIED", "note": "Needs more Kafka experience"}
            """;

    public static final String EXPORT = """
            {"subject": "03827f44-2ce0-4b8a-9a44-182e8e062a07",
             "exportedAt": "2026-11-28T04:34:54.050054285Z",
             "service": "applications-service",
             "applications": [
               {"id": "01a2206f-4360-7cdd-b8da-0faab1f5f6f3",
                "postingId": "01a2206e-e027-759f-9c09-ec6468d522f6",
                "postingTitle": "Senior Java Developer",
                "status": "SUBMITTED",
                "name": "Alice Candidate", "email": "alice@example.com", "phone": "+14155550123",
                "answers": {"authorized": "YES"},
                "coverLetter": "I have built Java services for eight years.",
                "consent": {"marketing": false, "acceptedAt": "2026-11-28T04:34:52.373937Z",
                            "privacyPolicyVersion": "2026-01"},
                "source": {"utmSource": "linkedin"},
                "statusHistory": [{"status": "SUBMITTED", "at": "2026-11-28T04:34:52.373937Z"}],
                "createdAt": "2026-11-28T04:34:52.373937Z",
                "updatedAt": "2026-11-28T04:34:52.373937Z"}]}
            """;
}
