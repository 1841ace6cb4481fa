package org.jobboard.tools.stack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./dev stack start runs these with the source launcher and only the stack libraries on the class path, before
 * anything is built: one file each, importing nothing but the JDK, kafka-clients and the JDBC driver's java.sql.
 */
class StackToolsSelfContainedTest {
    private static final Path SOURCES = Path.of("src/main/java/org/jobboard/tools/stack");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = { "CreateTopics", "CreateDatabases" })
    void importsOnlyWhatTheStackLibrariesHold(String tool) throws IOException {
        String source = Files.readString(SOURCES.resolve(tool + ".java"));
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String name = imports.group(2);
            assertTrue(name.startsWith("java.") || name.startsWith("org.apache.kafka."),
                    tool + " imports " + name + ", which the source launcher cannot find before the build");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "CreateTopics", "CreateDatabases" })
    void usesNoOtherClassOfItsPackage(String tool) throws IOException {
        String source = Files.readString(SOURCES.resolve(tool + ".java"));
        List<String> siblings;
        try (var files = Files.list(SOURCES)) {
            siblings = files.map(p -> p.getFileName().toString().replace(".java", ""))
                    .filter(name -> !name.equals(tool) && !name.equals("package-info")).toList();
        }
        for (String sibling : siblings) {
            assertEquals(-1, source.indexOf(sibling + "."), tool + " uses " + sibling
                    + ": the source launcher compiles one file only");
        }
    }
}
