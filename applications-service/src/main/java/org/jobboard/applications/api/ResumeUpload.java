package org.jobboard.applications.api;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.platform.input.InvalidTextException;

import java.io.IOException;

/**
 * A resume sent inside a JSON apply, base64-encoded (what clients generated from the OpenAPI document can send; the
 * multipart form stays for browsers). The decoded bytes go through the same checks as a multipart resume: the type is
 * decided from the content, at most 5 MB.
 */
@Schema(name = "ResumeUpload", requiredProperties = { "fileName", "content" },
        description = "A resume inside a JSON apply: PDF, DOCX, DOC, RTF or TXT, at most 5 MB once decoded; the type "
                + "is decided from the content, never from the name")
public record ResumeUpload(
        @Schema(description = "The file's name, without a path; checked, not kept (downloads are named "
                + "resume-<application id>.<extension>)", minLength = 1, maxLength = MAX_FILE_NAME,
                pattern = "^[^/\\\\\\u0000-\\u001F\\u007F]+$", example = "alice-cv.pdf")
        @NotNull @Size(min = 1, max = MAX_FILE_NAME)
        @Pattern(regexp = "[^/\\\\\\p{Cntrl}]+", message = "must be a file name without path separators or control characters")
        String fileName,
        @Schema(description = "The file's bytes, base64-encoded (RFC 4648, standard alphabet)", type = SchemaType.STRING,
                format = "byte", contentEncoding = "base64", maxLength = MAX_CONTENT_CHARS)
        @NotNull @JsonDeserialize(using = ResumeUpload.Base64Content.class)
        byte[] content) {

    public static final int MAX_FILE_NAME = 255;
    /** The base64 of the largest resume (5 MB): 4 characters for every 3 bytes, the last group padded. */
    public static final int MAX_CONTENT_CHARS = 6990508;

    /** Length of the base64 text of {@code bytes} bytes. */
    public static long base64Length(long bytes) {
        return 4 * ((bytes + 2) / 3);
    }

    /** The same upload without its bytes (for what compares requests: the bytes are compared by digest). */
    public ResumeUpload withoutContent() {
        return new ResumeUpload(fileName, null);
    }

    @Override
    public String toString() {
        return "ResumeUpload[fileName=" + fileName + ", " + (content == null ? "no content" : content.length + " bytes") + "]";
    }

    /**
     * Only a base64 string: no array of numbers (Jackson's default for byte[] also takes one), and a malformed one is a
     * 400 naming the field with a message that says what is expected.
     */
    public static final class Base64Content extends StdDeserializer<byte[]> {
        static final String EXPECTED = "must be the file's bytes as a base64 string (RFC 4648)";

        public Base64Content() {
            super(byte[].class);
        }

        @Override
        public byte[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new InvalidTextException(p, EXPECTED);
            }
            try {
                // decoded from the parser's buffer as it goes: no 7 MB String for a 5 MB file
                return p.getBinaryValue(Base64Variants.MIME_NO_LINEFEEDS.withPaddingAllowed());
            } catch (StreamReadException | IllegalArgumentException e) {
                throw new InvalidTextException(p, EXPECTED);
            }
        }
    }
}
