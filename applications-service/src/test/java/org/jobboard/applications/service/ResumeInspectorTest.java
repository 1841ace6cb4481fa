package org.jobboard.applications.service;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.jobboard.applications.support.Documents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request's detection (magic numbers on the first bytes only; container detectors only when the magic result is
 * not final) decides exactly as Tika's full default does.
 */
class ResumeInspectorTest {
    static final TikaConfig TIKA = TikaConfig.getDefaultConfig();

    @Test
    void headOnlyMagicDetectionAgreesWithTikasDefault() throws IOException {
        Detector headOnly = ResumeInspector.headOnlyMagic(TIKA);
        Detector request = ResumeInspector.requestDetector(TIKA);
        assertTrue(((CompositeDetector) headOnly).getDetectors().stream().noneMatch(d -> d instanceof MimeTypes),
                "the magic registry is wrapped");
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("application/pdf", Documents.pdf("A resume", 200 * 1024));
        documents.put("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Documents.docx("A resume"));
        documents.put("application/msword", Documents.legacyWordContainer());
        documents.put("application/rtf", Documents.rtf("A resume"));
        documents.put("text/plain", "A resume\nSkills: SQL\n".repeat(2000).getBytes(StandardCharsets.UTF_8));
        documents.put("image/png", Documents.png());
        documents.put("application/octet-stream", new byte[] { 0, 1, 2, 3, (byte) 0xff, 0, 7 });
        documents.put("application/zip", zip());
        for (Map.Entry<String, byte[]> document : documents.entrySet()) {
            assertEquals(document.getKey(), detect(headOnly, document.getValue()));
            assertEquals(detect(TIKA.getDetector(), document.getValue()), detect(headOnly, document.getValue()));
            assertEquals(document.getKey(), detect(request, document.getValue()), "request detection");
        }
    }

    /** A ZIP that is not an Office document: only the container detector tells it from DOCX. */
    private static byte[] zip() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write("not a resume".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String detect(Detector detector, byte[] content) throws IOException {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        }
    }
}
