package org.jobboard.applications.support;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real documents made in the test, so no binary fixtures: a valid PDF, DOCX, RTF, a PNG, and unreadable ones. */
public final class Documents {
    private Documents() {
    }

    /** A one-page PDF 1.4 with the text in Helvetica; the cross-reference table holds the real offsets. */
    public static byte[] pdf(String text) {
        return pdf(text, 0);
    }

    /** The same PDF, padded with a comment stream to at least {@code minSize} bytes (still valid). */
    public static byte[] pdf(String text, int minSize) {
        int padding = 0;
        byte[] pdf = build(text, padding);
        while (pdf.length < minSize) {
            padding += minSize - pdf.length;
            pdf = build(text, padding);
        }
        return pdf;
    }

    private static byte[] build(String text, int padding) {
        String escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String content = "BT /F1 12 Tf 72 720 Td (" + escaped + ") Tj ET";
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        objects.add("<< /Length " + padding + " >>\nstream\n" + "%".repeat(padding) + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A minimal WordprocessingML package: content types, the package relationship, one paragraph. */
    public static byte[] docx(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            entry(zip, "word/document.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                    <w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>""".formatted(escaped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Starts like a PDF (so detection, which reads the first bytes, says PDF) but is none: no parser can read it. */
    public static byte[] damagedPdf() {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R" + "\u0000\u00ff garbage ".repeat(200))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A legacy Word (.doc) container as detection sees it: an OLE2 file with a {@code WordDocument} stream, built with
     * Apache POI (on the classpath through Tika). POI cannot write a Word document from scratch, so the stream holds
     * no Word text: the type is accepted, and the extraction finds no text.
     */
    public static byte[] legacyWordContainer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (POIFSFileSystem container = new POIFSFileSystem()) {
            container.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            container.writeFilesystem(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] rtf(String text) {
        return ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 " + text + "\\par}").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
