package org.jobboard.applications.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.jboss.logging.Logger;
import org.jobboard.applications.config.ApplicationsConfig;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.FieldError;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Decides what an uploaded resume is from its bytes (Apache Tika detection: magic numbers and container structure,
 * never the file name or the declared Content-Type), refuses anything but PDF, DOCX, DOC, RTF and plain text, and
 * extracts its text for recruiters. Runs before the database transaction, so a refused file is never stored.
 */
@ApplicationScoped
@Startup // Tika loads its parsers and type registry once, at start, not on a candidate's first upload
public class ResumeInspector {
    private static final Logger LOG = Logger.getLogger(ResumeInspector.class);

    /** Accepted types, as Tika names them, and the extension a download gets. */
    static final Map<String, String> ACCEPTED = Map.of(
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/msword", "doc",
            "application/rtf", "rtf",
            "text/plain", "txt");

    public record InspectedResume(String mediaType, byte[] content, String sha256, String text) {
    }

    @Inject
    ApplicationsConfig config;

    private final Detector detector;
    private final Parser parser;

    public ResumeInspector() {
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.parser = new AutoDetectParser(tika);
    }

    public static String extensionOf(String mediaType) {
        return ACCEPTED.getOrDefault(mediaType, "bin");
    }

    /** 413 over the size limit, 415 for a type we do not take, 422 for a file that cannot be read. */
    public InspectedResume inspect(Path file, long declaredSize) {
        long max = config.resume().maxSize().asLongValue();
        try {
            long size = Math.max(declaredSize, Files.size(file));
            if (size > max) {
                throw ApiException.tooLarge("resume: must be at most " + max / (1024 * 1024) + " MB");
            }
            return inspect(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InspectedResume inspect(byte[] content) {
        long max = config.resume().maxSize().asLongValue();
        if (content.length > max) {
            throw ApiException.tooLarge("resume: must be at most " + max / (1024 * 1024) + " MB");
        }
        if (content.length == 0) {
            throw ApiException.unprocessable("resume: is empty", List.of(new FieldError("resume", "is empty")));
        }
        String mediaType = detect(content);
        if (!ACCEPTED.containsKey(mediaType)) {
            throw ApiException.unsupportedMediaType("resume: its content is " + mediaType
                    + "; accepted are PDF, DOCX, DOC, RTF and plain text (decided from the content, not the name)");
        }
        return new InspectedResume(mediaType, content, sha256(content), extractText(content, mediaType));
    }

    String detect(byte[] content) {
        // no name and no declared type in the metadata: only the bytes decide
        try (InputStream in = TikaInputStream.get(content)) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String extractText(byte[] content, String mediaType) {
        int limit = config.resume().maxTextChars();
        BodyContentHandler handler = new BodyContentHandler(limit);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        ParseContext context = new ParseContext();
        // no OCR (a resume that is only a scan has no text to extract) and no descent into embedded files
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        context.set(Parser.class, EmptyParser.INSTANCE);
        try (InputStream in = TikaInputStream.get(content)) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw unreadable("is password-protected");
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw unreadable("cannot be read as " + mediaType);
            }
            // longer than any resume: keep the beginning
        } catch (TikaException | IOException | RuntimeException e) {
            LOG.debugf("resume text extraction failed (%s): %s", mediaType, e.getClass().getName());
            throw unreadable("cannot be read as " + mediaType + " (damaged?)");
        }
        return clean(handler.toString());
    }

    /** PostgreSQL text cannot hold NUL; other control characters (but tab and newlines) are noise. */
    static String clean(String text) {
        String cleaned = text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "")
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static ApiException unreadable(String message) {
        return ApiException.unprocessable("resume: " + message, List.of(new FieldError("resume", message)));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
