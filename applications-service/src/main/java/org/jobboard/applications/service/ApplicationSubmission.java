package org.jobboard.applications.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A candidate's application as the service takes it, whatever the request looked like (JSON or the multipart
 * part): the fields are already checked for shape; the answers are checked here against the posting's form.
 *
 * @param answers question id -> answer as sent (JSON values), null when none were sent
 * @param source attribution, null when none was sent
 */
public record ApplicationSubmission(String postingId, String name, String email, String phone,
        Map<String, JsonNode> answers, String coverLetter, String privacyPolicyVersion, boolean marketingConsent,
        Attribution source) {

    /** Where the candidate came from: referrer and utm_* values, each possibly null. */
    public record Attribution(String referrer, String utmSource, String utmMedium, String utmCampaign, String utmTerm,
            String utmContent) {
    }
}
