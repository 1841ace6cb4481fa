package org.jobboard.tools.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Seeds the demo data through the gateway with real Keycloak tokens: the organizations Acme and Globex (ids matching
 * the recruiters' organization claim in the dev realm) and published postings built from the NYC Jobs dataset
 * (data/datasets/nyc-jobs, gzip; a plain CSV is read too) when it exists, otherwise generated with a fixed seed. Safe to
 * run again: it skips what exists.
 *
 * Args: gatewayUrl keycloakUrl datasetCsvOrDash count
 */
public class Seed {
    static final String ACME = "0193e0a0-0000-7000-8000-00000000ac3e";
    static final String GLOBEX = "0193e0a0-0000-7000-8000-0000000910be";
    // HTTP/1.1: what the services speak; the default h2c upgrade can end in a GOAWAY that fails a seeding request
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String gateway;
    static String keycloak;

    public static void main(String[] args) throws Exception {
        gateway = args[0];
        keycloak = args[1];
        Path dataset = args[2].equals("-") ? null : Path.of(args[2]);
        int count = Integer.parseInt(args[3]);

        String admin = token("ada");
        organization(admin, ACME, "Acme Corporation", "https://acme.example", "Makers of everything, since 1949.");
        organization(admin, GLOBEX, "Globex", "https://globex.example", "Global exports and bold ideas.");

        List<String> postings = dataset != null && Files.isRegularFile(dataset) ? fromDataset(dataset, count)
                : generated(count);
        // the batch endpoint is keyed by requisitionId: a second run finds everything unchanged
        String[] recruiters = { token("rita"), token("ralph") };
        int created = 0;
        int unchanged = 0;
        int failed = 0;
        for (int r = 0; r < 2; r++) {
            List<String> mine = new ArrayList<>();
            for (int i = r; i < postings.size(); i += 2) {
                mine.add(postings.get(i));
            }
            for (int from = 0; from < mine.size(); from += 200) {
                String body = "{\"publish\":true,\"items\":[" + String.join(",", mine.subList(from, Math.min(mine.size(), from + 200))) + "]}";
                HttpResponse<String> response = call("POST", "/v1/postings/batch", recruiters[r], body);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("batch refused (" + response.statusCode() + "): " + response.body());
                }
                created += count(response.body(), "created");
                unchanged += count(response.body(), "unchanged") + count(response.body(), "updated");
                failed += count(response.body(), "failed");
            }
        }
        System.out.printf("demo data: %d published postings created, %d already there (%s), %d refused%n", created,
                unchanged, dataset != null && Files.isRegularFile(dataset) ? "NYC Jobs dataset" : "generated", failed);
        if (created + unchanged == 0) {
            System.exit(1);
        }
    }

    static int count(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static void organization(String token, String id, String name, String website, String description)
            throws Exception {
        String body = "{\"id\":\"" + id + "\",\"name\":" + q(name) + ",\"website\":" + q(website)
                + ",\"logoUrl\":" + q(website + "/logo.png") + ",\"description\":" + q(description)
                + ",\"headquarters\":{\"country\":\"US\",\"region\":\"NY\",\"city\":\"New York\"}}";
        HttpResponse<String> response = call("POST", "/v1/organizations", token, body);
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("cannot create organization " + name + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    static List<String> fromDataset(Path csv, int count) throws IOException {
        List<String> lines = readLines(csv);
        List<String> header = parseCsv(lines.get(0));
        Random random = new Random(42);
        Set<String> seen = new LinkedHashSet<>();
        List<String> postings = new ArrayList<>();
        for (int i = 1; i < lines.size() && postings.size() < count; i++) {
            List<String> row = parseCsv(lines.get(i));
            if (row.size() != header.size()) {
                continue;
            }
            String jobId = get(header, row, "Job ID");
            if (!seen.add(jobId)) {
                continue;
            }
            String title = titleCase(get(header, row, "Business Title"));
            if (title.length() < 3) {
                continue;
            }
            if (title.length() > 200) {
                title = title.substring(0, 200).strip();
            }
            String agency = titleCase(get(header, row, "Agency"));
            String category = get(header, row, "Job_Category_Industry");
            String employment = get(header, row, "Full-Time/Part-Time indicator").startsWith("P") ? "PART_TIME" : "FULL_TIME";
            String seniority = switch (get(header, row, "Career Level")) {
                case "Entry-Level" -> "JUNIOR";
                case "Manager" -> "LEAD";
                case "Executive" -> "EXECUTIVE";
                case "Student" -> "INTERN";
                default -> "MID";
            };
            String period = switch (get(header, row, "Salary Frequency")) {
                case "Hourly" -> "HOUR";
                case "Daily" -> "DAY";
                default -> "YEAR";
            };
            String min = money(get(header, row, "Salary_Range_From"));
            String max = money(get(header, row, "Salary_Range_To"));
            if (min == null || max == null || Double.parseDouble(min) > Double.parseDouble(max)) {
                continue;
            }
            postings.add(posting(title, agency, category, employment, seniority, period, min, max,
                    "NYC-" + jobId, random));
        }
        return postings;
    }

    /** The file's lines; a .gz file (how the repository keeps the dataset) is read through gzip. */
    static List<String> readLines(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }

    static List<String> generated(int count) {
        Random random = new Random(42);
        String[] titles = { "Java Developer", "Data Analyst", "Site Reliability Engineer", "Product Manager",
                "UX Designer", "Accountant", "Registered Nurse", "Civil Engineer", "Sales Representative",
                "Customer Support Specialist" };
        String[] levels = { "Junior", "", "Senior", "Lead" };
        String[] seniority = { "JUNIOR", "MID", "SENIOR", "LEAD" };
        List<String> postings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int level = random.nextInt(levels.length);
            String title = (levels[level] + " " + titles[random.nextInt(titles.length)]).strip();
            int min = 40000 + random.nextInt(80) * 1000;
            postings.add(posting(title, "Demo Department", "Technology", "FULL_TIME", seniority[level], "YEAR",
                    Integer.toString(min), Integer.toString(min + 20000 + random.nextInt(20) * 1000), "GEN-" + i,
                    random));
        }
        return postings;
    }

    static String posting(String title, String agency, String category, String employment, String seniority,
            String period, String min, String max, String requisition, Random random) {
        double lat = 40.70 + random.nextDouble() * 0.12;
        double lon = -74.02 + random.nextDouble() * 0.12;
        boolean hybrid = random.nextInt(4) == 0;
        String description = "## About the role\n\n" + agency + " is hiring a **" + title + "** in " + category
                + ".\n\n## What you will do\n\n- Work with a team that serves New York City\n- Own your results\n\n"
                + "## Benefits\n\nHealth insurance, pension, paid time off.";
        return "{\"title\":" + q(title) + ",\"description\":" + q(description) + ",\"requisitionId\":" + q(requisition)
                + ",\"employmentTypes\":[\"" + employment + "\"],\"workplaceType\":\"" + (hybrid ? "HYBRID" : "ON_SITE")
                + "\",\"locations\":[{\"country\":\"US\",\"region\":\"NY\",\"city\":\"New York\",\"postalCode\":\"10007\","
                + String.format(Locale.ROOT, "\"latitude\":%.5f,\"longitude\":%.5f", lat, lon) + "}],"
                + "\"salary\":{\"currency\":\"USD\",\"min\":\"" + min + "\",\"max\":\"" + max + "\",\"period\":\"" + period
                + "\"},\"seniority\":\"" + seniority + "\",\"category\":" + q(category)
                + ",\"skills\":[" + q(category.split("[,&]")[0].strip()) + "],"
                + "\"applyMethod\":{\"type\":\"DIRECT\",\"questions\":[{\"id\":\"authorized\",\"label\":"
                + "\"Are you authorized to work in the United States?\",\"type\":\"YES_NO\",\"required\":true,"
                + "\"knockoutAnswer\":\"NO\"}]}}";
    }

    static String money(String value) {
        String digits = value.replaceAll("[$,]", "").strip();
        if (digits.isEmpty()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(digits).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String titleCase(String value) {
        StringBuilder out = new StringBuilder();
        for (String word : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).split(" ")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1)).append(' ');
            }
        }
        return out.toString().strip();
    }

    static String get(List<String> header, List<String> row, String column) {
        int index = header.indexOf(column);
        return index < 0 ? "" : row.get(index);
    }

    static List<String> parseCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=jobboard-web&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak
                + "/realms/jobboard/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        return field(response.body(), "access_token");
    }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String q(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
