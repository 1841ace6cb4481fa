package org.jobboard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobboard.contracts.applications.ApplicationStage;
import org.jobboard.contracts.applications.CandidateStatus;
import org.jobboard.contracts.postings.ApplyType;
import org.jobboard.contracts.postings.CloseReason;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.contracts.postings.QuestionType;
import org.jobboard.contracts.postings.SalaryPeriod;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each shared Java enum has exactly the values its definition in schemas/enums.json lists, and nothing is left out. */
class EnumsTest {
    static final List<Class<? extends Enum<?>>> SHARED = List.of(PostingStatus.class, EmploymentType.class,
            WorkplaceType.class, Seniority.class, SalaryPeriod.class, CloseReason.class, ApplyType.class,
            QuestionType.class, ApplicationStage.class, CandidateStatus.class);

    @Test
    void javaEnumsMirrorTheSchemaDefinitions() throws IOException {
        JsonNode definitions = enums().path("$defs");
        for (Class<? extends Enum<?>> type : SHARED) {
            JsonNode values = definitions.path(type.getSimpleName()).path("enum");
            List<String> documented = new ArrayList<>();
            values.forEach(v -> documented.add(v.asText()));
            List<String> declared = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            assertEquals(documented, declared, type.getSimpleName());
        }
    }

    @Test
    void everySchemaDefinitionHasAJavaEnum() throws IOException {
        Set<String> documented = new TreeSet<>();
        enums().path("$defs").fieldNames().forEachRemaining(documented::add);
        Set<String> declared = new TreeSet<>();
        SHARED.forEach(type -> declared.add(type.getSimpleName()));
        assertEquals(documented, declared);
    }

    static JsonNode enums() throws IOException {
        try (InputStream in = EnumsTest.class.getResourceAsStream("/org/jobboard/contracts/schemas/enums.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
