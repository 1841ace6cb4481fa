package org.jobboard.applications.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.jobboard.applications.config.ApplicationsConfig;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.FieldError;

import java.io.ByteArrayInputStream;
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
import java.util.Set;

/**
 * Decides what an uploaded resume is from its bytes (Apache Tika detection: magic numbers and container structure,
 * never the file name or the declared Content-Type) and refuses anything but PDF, DOCX, DOC, RTF and plain text.
 * Runs in the apply request, before the database transaction, so a refused file is never stored. Detection reads
 * only what it needs (the first bytes; a ZIP's or OLE2 file's directory); the document is not parsed here: its text
 * is extracted later, off the request path, by {@link ResumeTextWorker}.
 */
@ApplicationScoped
@Startup // Tika loads its type registry and detectors once, at start, not on a candidate's first upload
public class ResumeInspector {
    /** Accepted types, as Tika names them, and the extension a download gets. */
    static final Map<String, String> ACCEPTED = Map.of(
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/msword", "doc",
            "application/rtf", "rtf",
            "text/plain", "txt");

    /**
     * A resume that passed the checks: its type, size and digest, and where its bytes are (the upload's temporary
     * file, or memory) until the request stores them.
     */
    public record InspectedResume(String mediaType, long sizeBytes, String sha256, Path file, byte[] bytes) {
        /** The content, streamed from where the upload is. */
        public InputStream open() throws IOException {
            return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
        }
    }

    @Inject
    ApplicationsConfig config;

    /**
     * Magic numbers are matched on this many first bytes. Every accepted type announces itself at the start (PDF and
     * RTF by their signature, DOCX and DOC by the ZIP or OLE2 signature, whose directory the container detectors then
     * read; plain text by the absence of binary bytes); Tika's own default reads 64 KB and matches every known
     * pattern across all of it.
     */
    static final int MAGIC_HEAD_BYTES = 8 * 1024;

    /** Most resumes are well under this; the memory a request holds for its file stays bounded by it. */
    static final int IN_MEMORY_MAX_BYTES = 1024 * 1024;

    private final Detector detector = requestDetector(TikaConfig.getDefaultConfig());

    public static String extensionOf(String mediaType) {
        return ACCEPTED.getOrDefault(mediaType, "bin");
    }

    /**
     * An upload in a temporary file: 413 over the size limit, 415 for a type we do not take, 422 when empty. Up to
     * {@link #IN_MEMORY_MAX_BYTES} it is read once into memory and checked and stored from there (one read instead of
     * one per step: detection, digest, store); a larger one is streamed from the file at each step.
     */
    public InspectedResume inspect(Path file, long declaredSize) {
        try {
            long size = Files.size(file);
            checkSize(Math.max(declaredSize, size));
            if (size <= IN_MEMORY_MAX_BYTES) {
                return inspect(Files.readAllBytes(file));
            }
            String mediaType;
            try (TikaInputStream in = TikaInputStream.get(file)) {
                mediaType = accepted(detect(in));
            }
            String sha256;
            try (InputStream in = Files.newInputStream(file)) {
                sha256 = sha256(in);
            }
            return new InspectedResume(mediaType, size, sha256, file, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An upload small enough to stay in memory: the same checks. */
    public InspectedResume inspect(byte[] content) {
        checkSize(content.length);
        try {
            String mediaType;
            try (TikaInputStream in = TikaInputStream.get(content)) {
                mediaType = accepted(detect(in));
            }
            return new InspectedResume(mediaType, content.length, sha256(new ByteArrayInputStream(content)), null,
                    content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkSize(long size) {
        long max = config.resume().maxSize().asLongValue();
        if (size > max) {
            throw ApiException.tooLarge("resume: must be at most " + max / (1024 * 1024) + " MB");
        }
        if (size == 0) {
            throw ApiException.unprocessable("resume: is empty", List.of(new FieldError("resume", "is empty")));
        }
    }

    private static String accepted(String mediaType) {
        if (!ACCEPTED.containsKey(mediaType)) {
            throw ApiException.unsupportedMediaType("resume: its content is " + mediaType
                    + "; accepted are PDF, DOCX, DOC, RTF and plain text (decided from the content, not the name)");
        }
        return mediaType;
    }

    /** Types that magic numbers decide on their own: no container detector refines them. */
    static final Set<String> DECIDED_BY_MAGIC = Set.of("application/pdf", "application/rtf", "text/plain");

    /**
     * Magic numbers on the head first; all of Tika's default detectors (among them the ZIP and OLE2 container
     * detectors, which tell DOCX and DOC from other containers) only when that result is not already final. A PDF thus
     * skips the ZIP detector, which fails on it by throwing (about 1.5 % of the service's CPU at 100 applies/s); a
     * DOCX or DOC has its magic numbers matched twice, which costs less than that.
     */
    static Detector requestDetector(TikaConfig tika) {
        Detector magic = headOnly(tika.getMimeRepository());
        Detector all = headOnlyMagic(tika);
        return (in, metadata) -> {
            MediaType byMagic = magic.detect(in, metadata);
            return DECIDED_BY_MAGIC.contains(byMagic.getBaseType().toString()) ? byMagic : all.detect(in, metadata);
        };
    }

    /** Tika's default detectors, but the magic-number registry sees only the first {@link #MAGIC_HEAD_BYTES}. */
    static Detector headOnlyMagic(TikaConfig tika) {
        Detector defaults = tika.getDetector();
        List<Detector> detectors = defaults instanceof CompositeDetector composite ? composite.getDetectors()
                : List.of(defaults);
        return new CompositeDetector(tika.getMediaTypeRegistry(), detectors.stream()
                .map(d -> d instanceof MimeTypes magic ? headOnly(magic) : d).toList());
    }

    private static Detector headOnly(MimeTypes magic) {
        return (in, metadata) -> {
            if (in == null) {
                return magic.detect(null, metadata);
            }
            in.mark(MAGIC_HEAD_BYTES);
            try {
                return magic.detect(new ByteArrayInputStream(in.readNBytes(MAGIC_HEAD_BYTES)), metadata);
            } finally {
                in.reset();
            }
        };
    }

    /** No name and no declared type in the metadata: only the bytes decide. */
    String detect(TikaInputStream in) throws IOException {
        return detector.detect(in, new Metadata()).getBaseType().toString();
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
