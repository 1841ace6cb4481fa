package org.jobboard.applications.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** An application-form question as posting events describe it (types TEXT, YES_NO, SINGLE_CHOICE, MULTI_CHOICE, NUMBER). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormQuestion(String id, String label, String type, boolean required, List<String> choices,
        String knockoutAnswer) {
}
