package org.jobboard.tools.seed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports postings from a CSV file through the batch endpoint (200 per call, keyed by requisitionId, so a re-run
 * updates instead of duplicating), with a progress bar and a summary of rejected rows and why.
 *
 * Columns (header row, any order; unknown columns ignored): requisitionId, title, description, employmentType,
 * workplaceType, country, region, city, postalCode, salaryMin, salaryMax, currency, period, seniority, skills
 * (separated by ;), category, applyUrl (EXTERNAL when present, DIRECT otherwise). The NYC Jobs dataset's columns are
 * understood too (Job ID, Business Title, Agency, Salary_Range_From, ...).
 *
 * Args: gatewayUrl keycloakUrl csvFile user [--publish]
 */
public class ImportPostings {
    // HTTP/1.1: what the services speak; the default h2c upgrade can end in a GOAWAY that fails a request
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String keycloak = args[1];
        Path csv = Path.of(args[2]);
        String user = args[3];
        boolean publish = args.length > 4 && args[4].equals("--publish");
        Seed.keycloak = keycloak;
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Seed.parseCsv(lines.get(0));
        List<String> items = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = Seed.parseCsv(lines.get(i));
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < row.size(); c++) {
                values.put(header.get(c).strip(), row.get(c).strip());
            }
            String requisition = first(values, "requisitionId", "Job ID");
            if (requisition.isEmpty()) {
                rejected.add("row " + (i + 1) + ": no requisitionId");
                continue;
            }
            if (seen.putIfAbsent(requisition, i + 1) != null) {
                continue; // the dataset repeats a posting (internal and external postings of one job): import it once
            }
            items.add(toJson(values, requisition));
            rowNumbers.add(i + 1);
        }
        String token = Seed.token(user);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (int from = 0; from < items.size(); from += 200) {
            int to = Math.min(items.size(), from + 200);
            String body = "{\"publish\":" + publish + ",\"items\":[" + String.join(",", items.subList(from, to)) + "]}";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/postings/batch"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                token = Seed.token(user);
                from -= 200;
                continue;
            }
            if (response.statusCode() != 200) {
                System.err.println("\nbatch refused (" + response.statusCode() + "): " + response.body());
                System.exit(1);
            }
            created += count(response.body(), "created");
            updated += count(response.body(), "updated");
            unchanged += count(response.body(), "unchanged");
            Matcher errors = Pattern.compile("\"index\":(\\d+),[^{}]*?\"outcome\":\"ERROR\"[^{}]*?\"error\":\"([^\"]*)\"(,\"errors\":(\\[\\{.*?\\}\\]))?")
                    .matcher(response.body());
            while (errors.find()) {
                int index = from + Integer.parseInt(errors.group(1));
                rejected.add("row " + rowNumbers.get(index) + ": " + errors.group(2)
                        + (errors.group(4) == null ? "" : " " + errors.group(4).replaceAll("items\\[\\d+\\]\\.", "")));
            }
            progress(to, items.size());
        }
        System.out.printf(Locale.ROOT, "%nimported %d postings from %s: %d created, %d updated, %d unchanged, %d rejected%n",
                items.size(), csv.getFileName(), created, updated, unchanged, rejected.size());
        rejected.stream().limit(50).forEach(r -> System.out.println("  rejected " + r));
        if (rejected.size() > 50) {
            System.out.println("  ... and " + (rejected.size() - 50) + " more");
        }
    }

    static void progress(int done, int total) {
        int width = 40;
        int filled = total == 0 ? width : done * width / total;
        System.out.printf("\r  [%s%s] %d/%d", "#".repeat(filled), ".".repeat(width - filled), done, total);
    }

    static int count(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static String first(Map<String, String> values, String... names) {
        for (String name : names) {
            String value = values.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    static String toJson(Map<String, String> v, String requisition) {
        String title = Seed.titleCase(first(v, "title", "Business Title"));
        if (title.length() > 200) {
            title = title.substring(0, 200).strip();
        }
        String agency = first(v, "Agency");
        String description = first(v, "description");
        if (description.isEmpty() && !agency.isEmpty()) {
            description = Seed.titleCase(agency) + " is hiring a " + title + ".";
        }
        StringBuilder json = new StringBuilder("{\"requisitionId\":" + Seed.q(requisition) + ",\"title\":" + Seed.q(title));
        if (!description.isEmpty()) {
            json.append(",\"description\":").append(Seed.q(description));
        }
        String employment = first(v, "employmentType", "Full-Time/Part-Time indicator");
        if (!employment.isEmpty()) {
            json.append(",\"employmentTypes\":[\"").append(switch (employment) {
                case "F", "FT" -> "FULL_TIME";
                case "P", "PT" -> "PART_TIME";
                default -> employment.toUpperCase(Locale.ROOT);
            }).append("\"]");
        }
        String workplace = first(v, "workplaceType");
        json.append(",\"workplaceType\":\"").append(workplace.isEmpty() ? "ON_SITE" : workplace.toUpperCase(Locale.ROOT)).append('"');
        String country = first(v, "country");
        boolean nyc = !first(v, "Job ID").isEmpty();
        if (!country.isEmpty() || nyc) {
            json.append(",\"locations\":[{\"country\":").append(Seed.q(nyc && country.isEmpty() ? "US" : country));
            String region = nyc ? "NY" : first(v, "region");
            String city = nyc ? "New York" : first(v, "city");
            if (!region.isEmpty()) {
                json.append(",\"region\":").append(Seed.q(region));
            }
            if (!city.isEmpty()) {
                json.append(",\"city\":").append(Seed.q(city));
            }
            if (!first(v, "postalCode").isEmpty()) {
                json.append(",\"postalCode\":").append(Seed.q(first(v, "postalCode")));
            }
            json.append("}]");
        }
        String min = Seed.money(first(v, "salaryMin", "Salary_Range_From"));
        String max = Seed.money(first(v, "salaryMax", "Salary_Range_To"));
        if (min != null || max != null) {
            String period = first(v, "period", "Salary Frequency");
            period = switch (period) {
                case "Annual", "" -> "YEAR";
                case "Hourly" -> "HOUR";
                case "Daily" -> "DAY";
                default -> period.toUpperCase(Locale.ROOT);
            };
            String currency = first(v, "currency");
            json.append(",\"salary\":{\"currency\":").append(Seed.q(currency.isEmpty() ? "USD" : currency))
                    .append(min == null ? "" : ",\"min\":" + Seed.q(min)).append(max == null ? "" : ",\"max\":" + Seed.q(max))
                    .append(",\"period\":").append(Seed.q(period)).append('}');
        }
        String category = first(v, "category", "Job_Category_Industry");
        if (!category.isEmpty()) {
            json.append(",\"category\":").append(Seed.q(category.length() > 100 ? category.substring(0, 100) : category));
        }
        String skills = first(v, "skills");
        if (!skills.isEmpty()) {
            json.append(",\"skills\":[");
            String[] parts = skills.split(";");
            for (int i = 0; i < parts.length; i++) {
                json.append(i == 0 ? "" : ",").append(Seed.q(parts[i].strip()));
            }
            json.append(']');
        }
        String applyUrl = first(v, "applyUrl");
        json.append(",\"applyMethod\":").append(applyUrl.isEmpty() ? "{\"type\":\"DIRECT\"}"
                : "{\"type\":\"EXTERNAL\",\"url\":" + Seed.q(applyUrl) + "}");
        return json.append('}').toString();
    }
}
