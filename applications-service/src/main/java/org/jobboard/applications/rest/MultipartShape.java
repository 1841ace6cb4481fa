package org.jobboard.applications.rest;

import io.vertx.core.buffer.Buffer;
import org.jboss.resteasy.reactive.common.headers.HeaderUtil;
import org.jboss.resteasy.reactive.common.util.CaseInsensitiveMap;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.jobboard.platform.problem.ApiException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the shape of a multipart/form-data body while it arrives, chunk by chunk, with the same parser Quarkus REST
 * later reads the parts with: a boundary, at most {@code maxParts} parts, each named by Content-Disposition with
 * headers of bounded size and no transfer encoding, known charsets, and the closing delimiter at the end. What it
 * refuses would otherwise fail inside Quarkus' parser (a 500) or reach the endpoint in a shape it cannot name. The
 * part data itself is not kept here.
 */
final class MultipartShape implements MultipartParser.PartHandler {
    /** RFC 2046: 1 to 70 characters from a restricted set, not ending with a space. */
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String BODY = "body";

    private final int maxParts;
    private final long maxPartHeaders;
    private final MultipartParser.ParseState parser;
    private int parts;
    private long bytes;

    private MultipartShape(String boundary, String charset, int maxParts, long maxPartHeaders) {
        this.maxParts = maxParts;
        this.maxPartHeaders = maxPartHeaders;
        this.parser = MultipartParser.beginParse(this, boundary.getBytes(StandardCharsets.US_ASCII), charset);
    }

    /** The checker for a body of this Content-Type; 400 naming Content-Type when its parameters cannot be used. */
    static MultipartShape of(String contentType, String defaultCharset, int maxParts, long maxPartHeaders) {
        // read the way Quarkus' parser reads them, so both see the same boundary and charset
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || !BOUNDARY.matcher(boundary).matches()) {
            throw ApiException.badParameter(CONTENT_TYPE,
                    "needs a boundary parameter of 1 to 70 characters (RFC 2046), e.g. multipart/form-data; boundary=x1");
        }
        String charset = parameter(contentType, "charset");
        if (charset != null && !supported(charset)) {
            throw ApiException.badParameter(CONTENT_TYPE, "names an unknown charset");
        }
        return new MultipartShape(boundary, charset == null ? defaultCharset : charset, maxParts, maxPartHeaders);
    }

    /** The next chunk of the body; throws ApiException (400) as soon as the body cannot be a valid form. */
    void accept(Buffer chunk) {
        bytes += chunk.length();
        try {
            parser.parse(ByteBuffer.wrap(chunk.getBytes()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badParameter(BODY, "is not multipart/form-data: a part's headers are malformed");
        }
    }

    /** The body has ended: it must have held something and closed with the final delimiter. */
    void finish() {
        if (bytes == 0) {
            throw ApiException.badParameter(BODY, "is empty: send the part 'application' (and optionally 'resume')");
        }
        if (!parser.isComplete()) {
            throw ApiException.badParameter(BODY, "ends before its closing boundary (--boundary--): the upload is incomplete");
        }
    }

    @Override
    public void beginPart(CaseInsensitiveMap<String> headers) {
        if (++parts > maxParts) {
            throw ApiException.badParameter(BODY, "has more than " + maxParts + " parts");
        }
        String disposition = headers.getFirst("Content-Disposition");
        String name = disposition == null || !disposition.startsWith("form-data") ? null
                : parameter(disposition, "name");
        if (name == null || name.isEmpty()) {
            throw ApiException.badParameter(BODY, "every part needs Content-Disposition: form-data with a name");
        }
        try {
            // as Quarkus will read it: a file name it cannot read would fail there
            HeaderUtil.extractQuotedValueFromHeaderWithEncoding(disposition, "filename");
        } catch (RuntimeException e) {
            throw ApiException.badParameter(name, "Content-Disposition has a malformed filename");
        }
        long size = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            size += header.getKey().length() + 4; // ": " and CRLF
            for (String value : header.getValue()) {
                size += value.length();
            }
        }
        if (size > maxPartHeaders) {
            throw ApiException.badParameter(name, "part headers are larger than " + maxPartHeaders / 1024 + " KB");
        }
        String encoding = headers.getFirst("Content-Transfer-Encoding");
        if (encoding != null && !List.of("7bit", "8bit", "binary").contains(encoding.trim().toLowerCase(java.util.Locale.ROOT))) {
            // RFC 7578 4.7: senders do not encode parts; the content is sent as it is
            throw ApiException.badParameter(name, "Content-Transfer-Encoding is not supported: send the content as it is");
        }
        String type = headers.getFirst(CONTENT_TYPE);
        String charset = type == null ? null : parameter(type, "charset");
        if (charset != null && !supported(charset)) {
            throw ApiException.badParameter(name, "Content-Type names an unknown charset");
        }
    }

    @Override
    public void data(ByteBuffer buffer) {
        // the parts are read again, and kept, by Quarkus REST once the body is complete
    }

    @Override
    public void endPart() {
    }

    /** A header parameter as Quarkus' parser reads it; null when absent or unreadable (that reader throws on some). */
    private static String parameter(String header, String name) {
        try {
            return HeaderUtil.extractQuotedValueFromHeader(header, name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
