package org.jobboard.systemtests;

import org.jobboard.client.ApiClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The generated Java client pointed at the running gateway, as an integrator sets it up: a base URI and a token. */
final class JobboardClients {
    private JobboardClients() {
    }

    static ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.GATEWAY);
        return client;
    }

    static ApiClient as(String user) {
        return withToken(Stack.userToken(user));
    }

    static ApiClient aggregator() {
        return withToken(Stack.aggregatorToken());
    }

    private static ApiClient withToken(String token) {
        ApiClient client = anonymous();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** A one-page PDF with the given line of text, as a resume file would be (Tika detects it, PDFBox reads it). */
    static byte[] pdf(String text) {
        String page = "BT /F1 12 Tf 50 780 Td (" + text.replaceAll("[()\\\\]", " ") + ") Tj ET\n";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
                "<< /Length " + page.length() + " >>\nstream\n" + page + "endstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pdf.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
