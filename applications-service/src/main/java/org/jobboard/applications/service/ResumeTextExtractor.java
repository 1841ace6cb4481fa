package org.jobboard.applications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.config.TikaConfig;
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
import org.jobboard.applications.config.ApplicationsConfig;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Extracts a stored resume's text for recruiters with Apache Tika: no OCR (a resume that is only a scan has no text),
 * no descent into embedded files, at most {@code jobboard.applications.resume.max-text-chars} characters. Runs in
 * {@link ResumeTextWorker}, never in a request. Tika's parsers load with this
 * bean, on the first extraction.
 */
@ApplicationScoped
public class ResumeTextExtractor {

    /** The document cannot be read (damaged, password-protected, not what its type says): retrying will not help. */
    public static class UnreadableDocumentException extends Exception {
        public UnreadableDocumentException(String reason) {
            super(reason);
        }
    }

    @Inject
    ApplicationsConfig config;

    private final Parser parser = new AutoDetectParser(TikaConfig.getDefaultConfig());

    /** @return the cleaned text, or null when the document holds none */
    public String extract(byte[] content, String mediaType) throws UnreadableDocumentException {
        int limit = config.resume().maxTextChars();
        BodyContentHandler handler = new BodyContentHandler(limit);
        Metadata metadata = new Metadata();
        // the type was decided from the content on upload: no second detection
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        ParseContext context = new ParseContext();
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
            throw new UnreadableDocumentException("the document is password-protected");
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new UnreadableDocumentException("the document cannot be read as " + mediaType);
            }
            // longer than any resume: keep the beginning
        } catch (TikaException | IOException e) {
            throw new UnreadableDocumentException("the document cannot be read as " + mediaType + " (damaged?)");
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
}
