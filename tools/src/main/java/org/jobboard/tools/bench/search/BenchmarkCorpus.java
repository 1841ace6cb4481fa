package org.jobboard.tools.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import net.datafaker.Faker;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingSummary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A reproducible corpus: real titles, agencies, categories, employment types and salary ranges from the NYC Jobs and
 * USAJOBS datasets, combined with generated descriptions, skills and locations (fixed seed).
 */
final class BenchmarkCorpus {
    static final String[] SKILLS = { "java", "python", "sql", "excel", "kubernetes", "javascript", "react", "aws",
            "project management", "budgeting", "customer service", "data analysis", "communication", "leadership",
            "accounting", "nursing", "autocad", "gis", "tableau", "spanish", "policy analysis", "procurement",
            "contract management", "public health", "social work", "law enforcement", "cybersecurity", "linux",
            "networking", "scheduling", "training", "grant writing", "research", "statistics", "engineering design",
            "construction", "inspection", "hr", "payroll", "auditing" };
    static final Object[][] CITIES = { { "US", "NY", "New York", 40.7128, -74.0060 },
            { "US", "NY", "Brooklyn", 40.6782, -73.9442 }, { "US", "DC", "Washington", 38.9072, -77.0369 },
            { "US", "CO", "Denver", 39.7392, -104.9903 }, { "US", "IL", "Chicago", 41.8781, -87.6298 },
            { "US", "CA", "San Francisco", 37.7749, -122.4194 }, { "US", "CA", "Los Angeles", 34.0522, -118.2437 },
            { "US", "TX", "Austin", 30.2672, -97.7431 }, { "US", "TX", "Houston", 29.7604, -95.3698 },
            { "US", "WA", "Seattle", 47.6062, -122.3321 }, { "US", "MA", "Boston", 42.3601, -71.0589 },
            { "US", "GA", "Atlanta", 33.7490, -84.3880 }, { "US", "AZ", "Phoenix", 33.4484, -112.0740 },
            { "US", "PA", "Philadelphia", 39.9526, -75.1652 }, { "US", "FL", "Miami", 25.7617, -80.1918 },
            { "US", "MD", "Baltimore", 39.2904, -76.6122 }, { "US", "VA", "Arlington", 38.8816, -77.0910 },
            { "US", "OH", "Columbus", 39.9612, -82.9988 }, { "US", "MN", "Minneapolis", 44.9778, -93.2650 },
            { "US", "OR", "Portland", 45.5152, -122.6784 } };
    private static final String[] WORKPLACES = { "ON_SITE", "ON_SITE", "HYBRID", "REMOTE" };

    private record Source(String title, String organization, String category, String employment, String seniority,
            String salaryFrom, String salaryTo, String period) {
    }

    private final List<Source> sources = new ArrayList<>();

    BenchmarkCorpus(Path datasets) throws IOException {
        readNyc(datasets.resolve("nyc-jobs/NYCJobs_Cleaned.csv"));
        readUsajobs(datasets.resolve("usajobs/usajobs_raw_jobs.jsonl"));
    }

    int sources() {
        return sources.size();
    }

    /** Streams {@code count} postings to {@code sink} (nothing is kept, so heap measurements see only the index). */
    void generate(int count, long seed, Consumer<IndexedPosting> sink) {
        Random random = new Random(seed);
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed));
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Source source = sources.get(random.nextInt(sources.size()));
            String id = new UUID(0x0193e0a000007000L | i, 0x8000000000000000L | random.nextLong() >>> 1).toString();
            String orgId = UUID.nameUUIDFromBytes(source.organization().getBytes(StandardCharsets.UTF_8)).toString();
            List<String> skills = new ArrayList<>();
            for (int n = 2 + random.nextInt(4); n > 0; n--) {
                String skill = SKILLS[random.nextInt(SKILLS.length)];
                if (!skills.contains(skill)) {
                    skills.add(skill);
                }
            }
            Object[] city = CITIES[random.nextInt(CITIES.length)];
            List<PostingSummary.Location> locations = List.of(new PostingSummary.Location((String) city[0],
                    (String) city[1], (String) city[2], null, (Double) city[3] + random.nextGaussian() * 0.05,
                    (Double) city[4] + random.nextGaussian() * 0.05));
            PostingSummary.Salary salary = source.salaryFrom() == null ? randomSalary(random)
                    : new PostingSummary.Salary("USD", source.salaryFrom(), source.salaryTo(), source.period());
            String description = "About the role: " + faker.lorem().paragraph(4) + "\nYou will work with "
                    + String.join(", ", skills) + " in " + source.category() + ". " + faker.company().catchPhrase()
                    + ".\nRequirements: " + faker.job().keySkills() + ", " + faker.lorem().sentence(12) + "\n"
                    + faker.lorem().paragraph(5);
            PostingSummary summary = new PostingSummary(id, source.title(),
                    new PostingSummary.Organization(orgId, source.organization(), null), List.of(source.employment()),
                    WORKPLACES[random.nextInt(WORKPLACES.length)], source.seniority(), locations, salary, skills,
                    source.category(), now.minus(random.nextInt(60 * 24 * 60), ChronoUnit.MINUTES),
                    now.plus(30, ChronoUnit.DAYS), 1);
            sink.accept(new IndexedPosting(summary, description));
        }
    }

    private static PostingSummary.Salary randomSalary(Random random) {
        int min = 40_000 + random.nextInt(80) * 1000;
        return new PostingSummary.Salary("USD", Integer.toString(min), Integer.toString(min + 10_000 + random.nextInt(40) * 1000),
                "YEAR");
    }

    private void readNyc(Path csv) throws IOException {
        try (BufferedReader in = open(csv)) {
            List<String> header = row(in);
            int title = header.indexOf("Business Title");
            int agency = header.indexOf("Agency");
            int category = header.indexOf("Job Category");
            int fullTime = header.indexOf("Full-Time/Part-Time indicator");
            int level = header.indexOf("Career Level");
            int frequency = header.indexOf("Salary Frequency");
            int from = header.indexOf("Salary_Range_From");
            int to = header.indexOf("Salary_Range_To");
            for (List<String> row = row(in); row != null; row = row(in)) {
                if (row.size() < header.size()) {
                    continue;
                }
                String period = switch (row.get(frequency)) {
                    case "Hourly" -> "HOUR";
                    case "Daily" -> "DAY";
                    default -> "YEAR";
                };
                sources.add(new Source(titleCase(row.get(title)), titleCase(row.get(agency)), row.get(category),
                        "PT".equals(row.get(fullTime)) ? "PART_TIME" : "FULL_TIME", seniority(row.get(level)),
                        amount(row.get(from)), amount(row.get(to)), period));
            }
        }
    }

    private void readUsajobs(Path jsonl) throws IOException {
        try (BufferedReader in = open(jsonl)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode node = BenchIndexes.JSON.readTree(line);
                String series = node.path("occupation_series").path(0).asText("Federal");
                sources.add(new Source(node.path("position_title").asText(), node.path("department").asText(),
                        series.contains(" - ") ? series.substring(series.indexOf(" - ") + 3) : series,
                        "Permanent".equals(node.path("appointment_type").asText()) ? "FULL_TIME" : "TEMPORARY",
                        "MID", null, null, null));
            }
        }
    }

    /** The file, or its gzip copy FILE.gz when there is no plain one (the repository keeps data/datasets gzipped). */
    private static BufferedReader open(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        Path gzip = file.resolveSibling(file.getFileName() + ".gz");
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gzip)),
                StandardCharsets.UTF_8.newDecoder()));
    }

    private static String seniority(String careerLevel) {
        return switch (careerLevel) {
            case "Student" -> "INTERN";
            case "Entry-Level" -> "JUNIOR";
            case "Manager" -> "LEAD";
            case "Executive" -> "EXECUTIVE";
            default -> "MID";
        };
    }

    private static String amount(String value) {
        String digits = value.replaceAll("[^0-9.]", "");
        return digits.isEmpty() ? null : digits;
    }

    private static String titleCase(String value) {
        StringBuilder out = new StringBuilder();
        for (String word : value.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** One CSV record (RFC 4180: quoted fields may hold commas, quotes and line breaks); null at the end. */
    static List<String> row(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        for (; c >= 0; c = in.read()) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next < 0) {
                            break;
                        }
                        in.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
