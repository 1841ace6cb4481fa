package org.jobboard.applications.service;

import java.time.Instant;
import java.util.List;

/** Everything this service stores about one subject (GDPR access and portability), each application in full. */
public record PersonalData(String subject, Instant exportedAt, List<ApplicationDetails> applications) {
}
