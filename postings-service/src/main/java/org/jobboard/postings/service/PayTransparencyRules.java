package org.jobboard.postings.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.postings.domain.Location;
import org.jobboard.postings.domain.Posting;
import org.jobboard.contracts.postings.SalaryPeriod;
import org.jobboard.contracts.postings.WorkplaceType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pay-transparency laws as data (resources/pay-transparency/rules.json, versioned, each rule citing its source):
 * which jurisdictions require a salary range in a posting, and how wide it may be. The code only interprets them.
 */
@ApplicationScoped
public class PayTransparencyRules {
    private final RuleSet ruleSet;

    public PayTransparencyRules() {
        this(load("/pay-transparency/rules.json"));
    }

    PayTransparencyRules(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    public String version() {
        return ruleSet.version;
    }

    /** The errors for a posting about to be published; empty when every applicable rule is met. */
    public List<FieldError> check(Posting posting) {
        Set<Rule> applicable = new LinkedHashSet<>();
        for (Location location : posting.locations) {
            for (Rule rule : ruleSet.rules) {
                if (rule.appliesTo(location)) {
                    applicable.add(rule);
                }
            }
        }
        if (posting.workplaceType == WorkplaceType.REMOTE) {
            for (String country : posting.applicantLocationRequirements) {
                for (Rule rule : ruleSet.rules) {
                    if (rule.remoteInCountry && rule.country.equals(country)) {
                        applicable.add(rule);
                    }
                }
            }
        }
        List<FieldError> errors = new ArrayList<>();
        for (Rule rule : applicable) {
            boolean hasRange = posting.salary != null && posting.salary.min() != null && posting.salary.max() != null;
            if ("RANGE".equals(rule.requires) && !hasRange) {
                errors.add(new FieldError("salary", "a salary range (min and max) is required in " + rule.jurisdiction
                        + " (" + rule.source + "; rules " + ruleSet.version + ")"));
                continue;
            }
            MaxWidth width = rule.maxRangeWidth;
            if (width != null && hasRange && width.currency.equals(posting.salary.currency())
                    && posting.salary.period() == width.period
                    && posting.salary.max().compareTo(width.notAboveMax) < 0
                    && posting.salary.max().subtract(posting.salary.min()).compareTo(width.amount) > 0) {
                errors.add(new FieldError("salary.max", "the range may be at most " + width.amount.toPlainString() + " "
                        + width.currency + " wide in " + rule.jurisdiction + " (" + rule.source + ")"));
            }
        }
        return errors;
    }

    private static RuleSet load(String resource) {
        try (InputStream in = PayTransparencyRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, RuleSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pay-transparency rules " + resource, e);
        }
    }

    @JsonIgnoreProperties({ "description" })
    public static class RuleSet {
        public String version;
        public List<Rule> rules = List.of();
    }

    public static class Rule {
        public String jurisdiction;
        public String country;
        public List<String> regions = List.of();
        public String requires;
        public boolean remoteInCountry;
        public MaxWidth maxRangeWidth;
        public String source;

        boolean appliesTo(Location location) {
            if (!country.equals(location.country())) {
                return false;
            }
            if (regions.isEmpty()) {
                return true;
            }
            if (location.region() == null) {
                return false;
            }
            String region = location.region().strip().toLowerCase(Locale.ROOT);
            // "US-CO", "CO" and "Colorado" all name Colorado
            String withoutCountry = region.startsWith(country.toLowerCase(Locale.ROOT) + "-") ? region.substring(3) : region;
            return regions.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(withoutCountry));
        }
    }

    public static class MaxWidth {
        public BigDecimal amount;
        public String currency;
        public SalaryPeriod period;
        public BigDecimal notAboveMax;
    }
}
