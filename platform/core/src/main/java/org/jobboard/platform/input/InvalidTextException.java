package org.jobboard.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string (or key) that breaks {@link TextRules}; ProblemMappers turns it into a 400 naming its path. */
public class InvalidTextException extends MismatchedInputException {
    private final String reason;

    public InvalidTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
