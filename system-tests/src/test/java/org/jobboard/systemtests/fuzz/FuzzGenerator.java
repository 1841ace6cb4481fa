package org.jobboard.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Builds request number i of a run: a valid-looking request for the operation (schemas, examples, the real ids of the
 * fixtures), then usually one mutation of it (sometimes two). Request i depends only on the seed and i (and the
 * fixtures' ids), so a run with the same seed sends the same sequence.
 */
final class FuzzGenerator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final List<String> ROLES = List.of("anonymous", "alice", "bob", "rita", "ralph", "ada", "aggregator",
            "invalid-token", "empty-bearer", "basic", "unsigned-jwt");

    private record Mutation(String name, int weight, Predicate<FuzzRequest> applies, Consumer<Step> apply) {
    }

    /** A mutation's view of the request being built and the random source. */
    private record Step(FuzzRequest request, Random random) {
        void note(String what) {
            request.mutations.add(what);
        }
    }

    private final FuzzSpec spec;
    private final SchemaSamples samples;
    private final FuzzFixtures fixtures;
    private final long seed;
    private final int directPercent;
    private final List<Mutation> mutations = new ArrayList<>();

    FuzzGenerator(FuzzSpec spec, FuzzFixtures fixtures, long seed, int directPercent) {
        this.spec = spec;
        this.samples = new SchemaSamples(spec);
        this.fixtures = fixtures;
        this.seed = seed;
        this.directPercent = directPercent;
        defineMutations();
    }

    FuzzRequest generate(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        FuzzSpec.Operation operation = spec.operations.get(index % spec.operations.size());
        FuzzRequest request = base(index, operation, random);
        int roll = random.nextInt(100);
        int count = roll < 12 ? 0 : roll < 90 ? 1 : 2;
        for (int i = 0; i < count; i++) {
            mutate(new Step(request, random));
        }
        return request;
    }

    private FuzzRequest base(int index, FuzzSpec.Operation operation, Random random) {
        FuzzRequest request = new FuzzRequest(index, operation);
        request.target = random.nextInt(100) < directPercent ? "direct" : "gateway";
        request.role = preferredRole(operation, random);
        for (FuzzSpec.Parameter parameter : operation.in("path")) {
            request.pathValues.put(parameter.name(), fixtures.idFor(operation.path(), random));
        }
        for (FuzzSpec.Parameter parameter : operation.in("query")) {
            if (parameter.required() || random.nextInt(100) < 25) {
                request.queryParameter(parameter.name(), queryValue(parameter, random));
            }
        }
        for (FuzzSpec.Parameter parameter : operation.in("header")) {
            if (parameter.name().equalsIgnoreCase("If-Match")) {
                request.header("If-Match", fixtures.etag(request.resourcePath()));
            } else if (parameter.name().equalsIgnoreCase("Idempotency-Key") && random.nextBoolean()) {
                request.header("Idempotency-Key", new UUID(random.nextLong(), random.nextLong()).toString());
            }
        }
        if (!operation.bodies().isEmpty()) {
            FuzzSpec.Body body = chooseBody(operation, random);
            JsonNode json = body.example() != null && random.nextInt(10) < 7 ? body.example().deepCopy()
                    : samples.sample(body.schema(), random);
            fixtures.substitute(operation, json, random);
            if (body.mediaType().startsWith("multipart/")) {
                MultipartBody.valid(request, json.path("application"), random);
            } else {
                request.json = json;
                request.header("Content-Type", body.mediaType());
            }
        }
        return request;
    }

    private String queryValue(FuzzSpec.Parameter parameter, Random random) {
        String name = parameter.name();
        switch (name) {
            case "postingId":
            case "organizationId":
                return fixtures.idFor(name.equals("postingId") ? "/v1/postings" : "/v1/organizations", random);
            case "near":
                return "40.7128,-74.0060";
            case "cursor":
                return null;
            default:
                break;
        }
        if (parameter.example() != null) {
            return parameter.example().asText();
        }
        return samples.sample(parameter.schema(), random).asText();
    }

    private static FuzzSpec.Body chooseBody(FuzzSpec.Operation operation, Random random) {
        for (FuzzSpec.Body body : operation.bodies()) {
            if (body.mediaType().startsWith("multipart/") && random.nextInt(100) < 40) {
                return body;
            }
        }
        return operation.bodies().get(0);
    }

    /** The role an operation is meant for, mostly; anonymous and others sometimes where reading is public. */
    private static String preferredRole(FuzzSpec.Operation operation, Random random) {
        String path = operation.path();
        String method = operation.method();
        if (path.startsWith("/v1/me")) {
            // erasing alice would take the fixture application with her
            return method.equals("DELETE") ? "bob" : "alice";
        }
        if (path.startsWith("/v1/applications")) {
            if (method.equals("POST") && (path.equals("/v1/applications") || path.endsWith("/withdraw"))) {
                return "alice";
            }
            // the resume is its candidate's and the recruiters'; the rest of /v1/applications/{id} the recruiters'
            return path.equals("/v1/applications/{id}/resume") && random.nextBoolean() ? "alice" : "rita";
        }
        if (path.startsWith("/v1/organizations")) {
            return method.equals("POST") ? "ada" : method.equals("GET") ? pick(random, "anonymous", "rita") : "rita";
        }
        if (path.equals("/v1/search/index")) {
            return "ada";
        }
        if (method.equals("GET")) {
            return pick(random, "anonymous", "anonymous", "rita", "aggregator", "alice", "ada");
        }
        return "rita";
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private void mutate(Step step) {
        List<Mutation> applicable = mutations.stream().filter(m -> m.applies().test(step.request())).toList();
        int total = applicable.stream().mapToInt(Mutation::weight).sum();
        int roll = step.random().nextInt(total);
        for (Mutation mutation : applicable) {
            roll -= mutation.weight();
            if (roll < 0) {
                mutation.apply().accept(step);
                return;
            }
        }
    }

    private void add(String name, int weight, Predicate<FuzzRequest> applies, Consumer<Step> apply) {
        mutations.add(new Mutation(name, weight, applies, apply));
    }

    private static boolean hasJson(FuzzRequest request) {
        return request.json != null && request.bytes == null && request.json.isContainerNode() && request.json.size() > 0;
    }

    private static boolean isMultipart(FuzzRequest request) {
        String type = request.header("Content-Type");
        return type != null && type.startsWith("multipart/");
    }

    private void defineMutations() {
        add("field", 40, FuzzGenerator::hasJson, this::mutateField);
        add("extra field", 4, FuzzGenerator::hasJson, step -> {
            ObjectNode target = randomObject(step.request().json, step.random());
            if (target != null) {
                target.put(step.random().nextBoolean() ? "unexpectedField" : "organizationId", "x");
                step.note("extra field");
            }
        });
        add("malformed JSON", 8, r -> r.json != null && r.bytes == null, step -> {
            String text = Oddities.pick(Oddities.MALFORMED_JSON, step.random());
            step.request().bytes = text.getBytes(StandardCharsets.UTF_8);
            step.note("malformed JSON body " + abbreviate(text));
        });
        add("broken encoding", 4, r -> r.json != null && r.bytes == null, this::brokenEncoding);
        add("content type", 7, r -> r.json != null || r.bytes != null, this::contentType);
        add("body on a body-less request", 3, r -> r.operation.bodies().isEmpty(), step -> {
            step.request().bytes = "{\"title\":\"body where none is expected\"}".getBytes(StandardCharsets.UTF_8);
            step.request().header("Content-Type", step.random().nextBoolean() ? "application/json" : "text/plain");
            step.note("unexpected body");
        });
        add("multipart", 14, FuzzGenerator::isMultipart, step -> MultipartBody.mutate(step.request(), step.random()));
        add("path id", 10, r -> !r.pathValues.isEmpty(), this::pathId);
        add("path shape", 2, r -> true, this::pathShape);
        add("query", 10, r -> true, this::query);
        add("header", 14, r -> true, this::header);
        add("method", 3, r -> true, step -> {
            String method = pick(step.random(), "PUT", "PATCH", "DELETE", "POST", "GET", "OPTIONS", "HEAD", "TRACE", "FOO");
            step.request().method = method;
            step.note("method " + method);
        });
        add("role", 8, r -> true, step -> {
            String role = Oddities.pick(ROLES, step.random());
            step.request().role = role;
            step.note("as " + role);
        });
        add("idempotency replay", 3, r -> r.operation.parameters().stream().anyMatch(p -> p.name().equals("Idempotency-Key")),
                step -> {
                    // the same key every time: the second body differs from the first, which must be a 422
                    step.request().header("Idempotency-Key", "fuzz-replayed-key-" + seed);
                    step.note("Idempotency-Key reused");
                });
    }

    // ---- JSON bodies ----------------------------------------------------------------------------------------------

    private record Slot(JsonNode container, String field, int index, JsonNode value) {
        void set(JsonNode replacement) {
            if (container instanceof ObjectNode object) {
                object.set(field, replacement);
            } else {
                ((ArrayNode) container).set(index, replacement);
            }
        }

        void remove() {
            if (container instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) container).remove(index);
            }
        }

        String name() {
            return field != null ? field : "[" + index + "]";
        }
    }

    private static void slots(JsonNode node, List<Slot> into) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                into.add(new Slot(object, name, -1, object.get(name)));
                slots(object.get(name), into);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                into.add(new Slot(array, null, i, array.get(i)));
                slots(array.get(i), into);
            }
        }
    }

    private void mutateField(Step step) {
        FuzzRequest request = step.request();
        Random random = step.random();
        List<Slot> slots = new ArrayList<>();
        slots(request.json, slots);
        if (slots.isEmpty()) {
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        String name = slot.name();
        switch (random.nextInt(9)) {
            case 0 -> {
                slot.set(wrongType(slot.value(), random));
                step.note("wrong type at " + name);
            }
            case 1 -> {
                slot.remove();
                step.note("removed " + name);
            }
            case 2 -> {
                slot.set(JSON.nullNode());
                step.note("null " + name);
            }
            case 3 -> {
                String value = Oddities.pick(Oddities.STRINGS, random);
                String current = slot.value().isTextual() ? slot.value().asText() : "";
                slot.set(JSON.textNode(random.nextBoolean() ? current + value : value));
                step.note("odd string at " + name + ": " + abbreviate(value));
            }
            case 4 -> {
                String value = Oddities.longString(random);
                slot.set(JSON.textNode(value));
                step.note("long string (" + value.length() + " chars) at " + name);
            }
            case 5 -> {
                String placeholder = "__raw_" + request.raw.size() + "__";
                List<String> raws = random.nextBoolean() ? Oddities.RAW_NUMBERS : Oddities.RAW_STRINGS;
                String raw = Oddities.pick(raws, random);
                request.raw.put(placeholder, raw);
                slot.set(JSON.textNode(placeholder));
                step.note("raw " + raw + " at " + name);
            }
            case 6 -> {
                String value = formatOddity(name, slot.value(), random);
                slot.set(JSON.textNode(value));
                step.note("invalid format at " + name + ": " + abbreviate(value));
            }
            case 7 -> {
                String current = slot.value().asText("X");
                String value = pick(random, current.toLowerCase(), "NOT_A_VALUE", " " + current, current + "\u0000", "");
                slot.set(JSON.textNode(value));
                step.note("invalid enum at " + name + ": " + abbreviate(value));
            }
            default -> {
                slot.set(bigStructure(request, random));
                step.note("big structure at " + name);
            }
        }
    }

    private static JsonNode wrongType(JsonNode value, Random random) {
        List<JsonNode> options = new ArrayList<>(List.of(JSON.numberNode(12345), JSON.booleanNode(true), JSON.objectNode(),
                JSON.arrayNode(), JSON.textNode("string"), JSON.arrayNode().add(1).add(2),
                JSON.objectNode().put("a", 1), JSON.numberNode(1.5)));
        options.removeIf(option -> option.getNodeType() == value.getNodeType());
        return options.get(random.nextInt(options.size()));
    }

    private static String formatOddity(String field, JsonNode current, Random random) {
        String lower = field.toLowerCase();
        if (lower.endsWith("id")) {
            return Oddities.pick(Oddities.UUIDS, random);
        }
        if (lower.endsWith("at") || lower.contains("through") || lower.contains("since")) {
            return Oddities.pick(Oddities.DATE_TIMES, random);
        }
        if (lower.contains("url") || lower.contains("website")) {
            return Oddities.pick(Oddities.URIS, random);
        }
        if (lower.contains("email")) {
            return Oddities.pick(Oddities.EMAILS, random);
        }
        if (lower.equals("min") || lower.equals("max")) {
            return Oddities.pick(Oddities.DECIMALS, random);
        }
        if (lower.equals("country") || lower.equals("currency") || current.asText().matches("[A-Z]{2,3}")) {
            return Oddities.pick(Oddities.CODES, random);
        }
        List<List<String>> all = List.of(Oddities.UUIDS, Oddities.DATE_TIMES, Oddities.URIS, Oddities.EMAILS, Oddities.DECIMALS);
        return Oddities.pick(all.get(random.nextInt(all.size())), random);
    }

    private static JsonNode bigStructure(FuzzRequest request, Random random) {
        switch (random.nextInt(4)) {
            case 0: {
                ArrayNode array = JSON.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    array.add("item" + i);
                }
                return array;
            }
            case 1: {
                ObjectNode object = JSON.objectNode();
                for (int i = 0; i < 5_000; i++) {
                    object.put("key" + i, i);
                }
                return object;
            }
            case 2: {
                // deeper than Jackson writes (or should read): written raw
                String placeholder = "__raw_" + request.raw.size() + "__";
                request.raw.put(placeholder, "[".repeat(2_000) + "\"deep\"" + "]".repeat(2_000));
                return JSON.textNode(placeholder);
            }
            default: {
                ArrayNode array = JSON.arrayNode();
                for (int i = 0; i < 300; i++) {
                    array.add(JSON.objectNode().put("country", "US").put("city", "City " + i));
                }
                return array;
            }
        }
    }

    private static ObjectNode randomObject(JsonNode root, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        if (root instanceof ObjectNode object) {
            objects.add(object);
        }
        List<Slot> slots = new ArrayList<>();
        slots(root, slots);
        slots.stream().filter(s -> s.value() instanceof ObjectNode).forEach(s -> objects.add((ObjectNode) s.value()));
        return objects.isEmpty() ? null : objects.get(random.nextInt(objects.size()));
    }

    private void brokenEncoding(Step step) {
        FuzzRequest request = step.request();
        byte[] valid = request.body();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (step.random().nextInt(5)) {
            case 0 -> {
                out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
                out.writeBytes(valid);
                step.note("UTF-8 BOM before the body");
            }
            case 1 -> {
                out.writeBytes(new String(valid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16));
                step.note("body in UTF-16");
            }
            case 2 -> {
                String text = new String(valid, StandardCharsets.UTF_8);
                int quote = text.indexOf(":\"");
                byte[] bad = { (byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
                if (quote < 0) {
                    out.writeBytes(bad);
                } else {
                    out.writeBytes(text.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.writeBytes(text.substring(quote + 2).getBytes(StandardCharsets.UTF_8));
                }
                step.note("invalid UTF-8 bytes in a string");
            }
            case 3 -> {
                out.write(valid, 0, valid.length / 2);
                step.note("body cut in half");
            }
            default -> {
                out.writeBytes(valid);
                request.header("Content-Encoding", pick(step.random(), "gzip", "deflate", "br", "x-unknown"));
                step.note("Content-Encoding that the body is not in");
            }
        }
        request.bytes = out.toByteArray();
    }

    private void contentType(Step step) {
        FuzzRequest request = step.request();
        String type = pick(step.random(), null, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1", "application/json; charset=nope", "application/json;;;",
                "multipart/form-data", "multipart/form-data; boundary=", "application/merge-patch+json",
                "application/problem+json", "*/*", "application/json, text/plain", "", "APPLICATION/JSON",
                "application/octet-stream", "application/json; boundary=x", "text/html; charset=utf-8");
        if (type == null) {
            request.removeHeader("Content-Type");
            step.note("no Content-Type");
        } else {
            request.header("Content-Type", type);
            step.note("Content-Type: " + type);
        }
    }

    // ---- paths, queries, headers ----------------------------------------------------------------------------------

    private void pathId(Step step) {
        FuzzRequest request = step.request();
        String name = request.pathValues.keySet().iterator().next();
        String current = request.pathValues.get(name);
        String value = pick(step.random(), "not-a-uuid", "00000000-0000-0000-0000-000000000000", current.toUpperCase(),
                current + "0", "%00", "%2e%2e", "..%2f..%2f", "%zz", "a".repeat(5000), "%F0%9F%98%80", "-1", "0", "1e10",
                "%20", "null", new UUID(step.random().nextLong(), step.random().nextLong()).toString(), fixtures.idFor("/v1/applications", step.random()),
                fixtures.idFor("/v1/postings", step.random()), "'%20OR%201=1", "%ff%fe", current + ";jsessionid=x",
                current + "%0d%0aX-Injected:%20x", current + "%00", "%7B" + current + "%7D", current + "%2F..");
        request.pathValues.put(name, value);
        step.note("path id " + abbreviate(value));
    }

    private void pathShape(Step step) {
        String suffix = pick(step.random(), "/", "//", "/extra", "/..", "/.", ";x=1", "%2F", "/%00");
        step.request().pathSuffix = suffix;
        step.note("path with " + suffix);
    }

    private void query(Step step) {
        FuzzRequest request = step.request();
        Random random = step.random();
        List<FuzzSpec.Parameter> parameters = request.operation.in("query");
        String name = parameters.isEmpty() ? pick(random, "limit", "cursor", "q") : parameters.get(random.nextInt(parameters.size())).name();
        switch (random.nextInt(8)) {
            case 0 -> {
                request.queryParameter(name, "1");
                request.queryParameter(name, "2");
                step.note("repeated query " + name);
            }
            case 1 -> {
                request.query.removeIf(q -> q[0].equals(name));
                request.query.add(new String[] { name, random.nextBoolean() ? "" : null });
                step.note("empty query " + name);
            }
            case 2 -> {
                String value = "q".repeat(random.nextBoolean() ? 10_000 : 100_000);
                request.queryParameter(name, value);
                step.note("huge query " + name + " (" + value.length() + ")");
            }
            case 3 -> {
                String value = Oddities.pick(Oddities.INTEGERS, random);
                request.query.removeIf(q -> q[0].equals(name));
                request.queryParameter(name, value);
                step.note("query " + name + "=" + value);
            }
            case 4 -> {
                String value = name.equals("q") || name.equals("prefix") ? Oddities.pick(Oddities.QUERY_SEARCH_TEXT, random)
                        : Oddities.pick(Oddities.STRINGS, random);
                request.query.removeIf(q -> q[0].equals(name));
                request.queryParameter(name, value);
                step.note("query " + name + "=" + abbreviate(value));
            }
            case 5 -> {
                String raw = pick(random, "%zz", "%00", "%", "%ff%fe", "%C0%AE", "a+b%2B", "%0d%0a", "\u00e9".repeat(3));
                request.query.removeIf(q -> q[0].equals(name));
                request.query.add(new String[] { name, raw.startsWith("\u00e9") ? FuzzRequest.encode(raw) : raw });
                step.note("raw query " + name + "=" + raw);
            }
            case 6 -> {
                for (int i = 0; i < 500; i++) {
                    request.queryParameter("p" + i, "v");
                }
                step.note("500 unknown query parameters");
            }
            default -> {
                String value = queryOddity(name, random);
                request.query.removeIf(q -> q[0].equals(name));
                request.queryParameter(name, value);
                step.note("query " + name + "=" + abbreviate(value));
            }
        }
    }

    private static String queryOddity(String name, Random random) {
        switch (name) {
            case "near":
                return pick(random, "91,181", "abc", "1,2,3", "NaN,NaN", "Infinity,0", "1e400,0", ",", "40.7,", "-0,-0");
            case "radiusKm":
            case "salaryMin":
                return pick(random, "-1", "1e9", "NaN", "Infinity", "0", "1e400", "99999999999999999999999");
            case "postedWithin":
                return pick(random, "x", "P1000000Y", "PT-1H", "P0D", "-P1D", "99999999999d", "1d", "P1D");
            case "updatedSince":
                return Oddities.pick(Oddities.DATE_TIMES, random);
            case "cursor":
                return pick(random, "AAAA", "eyJ4Ijp9", "!!!", "c".repeat(2000), "eyJhIjoiYiJ9", "bnVsbA", "_-_-", "MTIz");
            case "sort":
            case "status":
            case "stage":
            case "seniority":
            case "workplaceType":
            case "employmentType":
                return pick(random, "NOT_A_VALUE", "published", "", "DRAFT,PUBLISHED", "relevance\u0000");
            default:
                return Oddities.pick(Oddities.UUIDS, random);
        }
    }

    private void header(Step step) {
        FuzzRequest request = step.request();
        Random random = step.random();
        String etag = fixtures.etag(request.resourcePath());
        switch (random.nextInt(9)) {
            case 0 -> {
                String value = pick(random, null, "x", "*", "\"\"", "W/" + etag, "\"999999\"", "\"-1\"",
                        "\"99999999999999999999\"", "\"0\", \"1\"", "\"" + "9".repeat(5000) + "\"", "\"abc", etag + ", " + etag);
                if (value == null) {
                    request.removeHeader("If-Match");
                } else {
                    request.header("If-Match", value);
                }
                step.note("If-Match: " + abbreviate(String.valueOf(value)));
            }
            case 1 -> {
                String value = pick(random, "*", etag, "W/" + etag, "junk", "\"\"", "\"a\", \"b\"");
                request.header("If-None-Match", value);
                step.note("If-None-Match: " + value);
            }
            case 2 -> {
                String value = pick(random, "x", "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
                        "Mon, 32 Foo 2026 99:99:99 GMT", "", "0", "-1", "2026-12-03T10:00:00Z", "Sunday, 06-Nov-94 08:49:37 GMT",
                        "Sun Nov  6 08:49:37 1994");
                request.header(random.nextInt(4) == 0 ? "If-Unmodified-Since" : "If-Modified-Since", value);
                step.note("If-Modified-Since: " + value);
            }
            case 3 -> {
                String value = pick(random, "application/xml", "application/problem+json", "text/html", "*/*",
                        "application/json;q=0", ";;;", "application/json, application/problem+json;q=0.1", "image/png",
                        "text/csv", "application/" + "x".repeat(3000), "application/ld+json", "application/rss+xml", "");
                request.header("Accept", value);
                step.note("Accept: " + abbreviate(value));
            }
            case 4 -> {
                String value = pick(random, "", " ", "k".repeat(300), "k".repeat(10_000), "key with spaces", "\u00e9t\u00e9",
                        "\"quoted\"", "a,b");
                request.header("Idempotency-Key", value);
                step.note("Idempotency-Key: " + abbreviate(value));
            }
            case 5 -> {
                String[] header = pick(random, "X-Forwarded-For|not-an-ip", "X-Forwarded-Host|evil.example",
                        "Forwarded|for=\"[::1", "X-Request-Id|" + "r".repeat(2000), "traceparent|00-xyz",
                        "traceparent|ff-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01", "Origin|https://evil.example",
                        "Origin|null", "Range|bytes=0-", "Cookie|a=b; ;;", "Accept-Encoding|gzip;q=x",
                        "Accept-Language|\u00e9", "Accept-Charset|x", "X-HTTP-Method-Override|DELETE",
                        "X-Forwarded-Proto|gopher", "Content-Language|x").split("\\|", 2);
                request.header(header[0], header[1]);
                step.note(header[0] + ": " + abbreviate(header[1]));
            }
            case 6 -> {
                request.header("X-Fuzz-Large", "h".repeat(random.nextBoolean() ? 9_000 : 40_000));
                step.note("a very large header");
            }
            case 7 -> {
                for (int i = 0; i < 150; i++) {
                    request.addHeader("X-Fuzz-" + i, "v");
                }
                step.note("150 extra headers");
            }
            default -> {
                request.addHeader("Content-Type", "text/plain");
                request.addHeader("Accept", "application/json");
                request.addHeader("Accept", "application/xml");
                step.note("repeated Content-Type and Accept");
            }
        }
    }

    /** At most 40 characters, invisible and control characters escaped: for the description of a mutation. */
    static String abbreviate(String value) {
        return escape(value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value);
    }

    static String escape(String shown) {
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0x202e || c == 0xfeff
                    || c >= 0xfff0 && c <= 0xffff || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    static TextNode text(String value) {
        return JSON.textNode(value);
    }
}
