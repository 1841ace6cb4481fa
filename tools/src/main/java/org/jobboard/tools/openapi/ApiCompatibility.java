package org.jobboard.tools.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * ./dev test's API compatibility check: the merged document the gateway serves must be the committed snapshot
 * (clients/openapi/jobboard-api.json), so that every change to the public API is a reviewed decision. On a difference
 * it prints what changed, breaking changes first, and fails; {@code ./dev openapi accept} takes the served document
 * as the new snapshot.
 *
 * <p>Usage: ApiCompatibility SNAPSHOT SERVED
 */
public final class ApiCompatibility {
    private ApiCompatibility() {
    }

    /** JSON pointers of the smallest parts that differ: a changed value, an added or removed member. */
    static void differences(String pointer, JsonNode before, JsonNode after, List<String> out) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!before.has(name) || !after.has(name)) {
                    out.add(child + (before.has(name) ? " (removed)" : " (added)"));
                } else {
                    differences(child, before.get(name), after.get(name), out);
                }
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                differences(pointer + "/" + i, before.get(i), after.get(i), out);
            }
        } else {
            out.add(pointer);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ApiCompatibility SNAPSHOT.json SERVED.json");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode snapshot = json.readTree(Files.readString(Path.of(args[0])));
        JsonNode served = json.readTree(Files.readString(Path.of(args[1])));
        int operations = 0;
        for (JsonNode path : served.path("paths")) {
            for (JsonNode operation : path) {
                operations += operation.has("operationId") ? 1 : 0;
            }
        }
        if (snapshot.equals(served)) {
            System.out.println("the served OpenAPI document is the committed snapshot (" + operations + " operations)");
            return;
        }
        List<OpenApiDiff.Change> changes = OpenApiDiff.compare(snapshot, served);
        long breaking = changes.stream().filter(OpenApiDiff.Change::breaking).count();
        System.out.println("the served OpenAPI document differs from the committed snapshot: " + breaking
                + " breaking change(s), " + (changes.size() - breaking) + " other change(s) to operations and schemas"
                + (changes.isEmpty() ? " (the difference is in descriptions, examples or other text)" : ""));
        changes.stream().filter(OpenApiDiff.Change::breaking).forEach(System.out::println);
        changes.stream().filter(c -> !c.breaking()).forEach(System.out::println);
        List<String> differing = new java.util.ArrayList<>();
        differences("", snapshot, served, differing);
        System.out.println("where the documents differ (" + differing.size() + " places; the first 30):");
        differing.stream().limit(30).forEach(pointer -> System.out.println("          " + pointer));
        System.out.println("review the change, then take it as the new snapshot with: ./dev openapi accept");
        System.exit(1);
    }
}
