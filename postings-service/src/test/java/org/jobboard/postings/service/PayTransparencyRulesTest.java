package org.jobboard.postings.service;

import org.jobboard.platform.problem.FieldError;
import org.jobboard.postings.domain.Location;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.domain.Salary;
import org.jobboard.contracts.postings.SalaryPeriod;
import org.jobboard.contracts.postings.WorkplaceType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayTransparencyRulesTest {
    private final PayTransparencyRules rules = new PayTransparencyRules();

    private static Posting at(String country, String region) {
        Posting posting = new Posting();
        posting.workplaceType = WorkplaceType.ON_SITE;
        posting.locations = List.of(new Location(country, region, "City", null, null, null));
        return posting;
    }

    private static Salary salary(String currency, String min, String max) {
        return new Salary(currency, min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max),
                SalaryPeriod.YEAR);
    }

    @Test
    void usStatesWithPayTransparencyLawsNeedARange() {
        for (String region : List.of("CO", "US-CA", "New York", "wa")) {
            List<FieldError> errors = rules.check(at("US", region));
            assertEquals(1, errors.size(), region);
            assertEquals("salary", errors.get(0).field());
        }
        assertTrue(rules.check(at("US", "TX")).isEmpty(), "Texas has no such law");
    }

    @Test
    void aSingleFigureIsNotARange() {
        Posting posting = at("US", "CO");
        posting.salary = salary("USD", "90000", null);
        assertEquals(1, rules.check(posting).size());
        posting.salary = salary("USD", "90000", "110000");
        assertTrue(rules.check(posting).isEmpty());
    }

    @Test
    void ontarioCapsTheRangeWidthBelowTheThreshold() {
        Posting posting = at("CA", "ON");
        posting.salary = salary("CAD", "60000", "120000");
        List<FieldError> errors = rules.check(posting);
        assertEquals(1, errors.size());
        assertEquals("salary.max", errors.get(0).field());
        posting.salary = salary("CAD", "60000", "110000");
        assertTrue(rules.check(posting).isEmpty(), "exactly 50,000 wide is allowed");
        posting.salary = salary("CAD", "150000", "250000");
        assertTrue(rules.check(posting).isEmpty(), "no cap when the top is 200,000 or more");
    }

    @Test
    void euMemberStatesAndRemoteApplicantsThere() {
        assertEquals(1, rules.check(at("DE", null)).size());
        assertTrue(rules.check(at("CH", null)).isEmpty(), "Switzerland is not an EU member");
        Posting remote = new Posting();
        remote.workplaceType = WorkplaceType.REMOTE;
        remote.applicantLocationRequirements = List.of("FR");
        assertEquals(1, rules.check(remote).size());
    }

    @Test
    void everyRuleCitesItsSource() {
        assertTrue(rules.version().matches("\\d{4}\\.\\d+\\.\\d+"));
        assertEquals(1, rules.check(at("IE", null)).size());
        assertTrue(rules.check(at("IE", null)).get(0).message().contains("Directive (EU) 2023/970"));
    }
}
