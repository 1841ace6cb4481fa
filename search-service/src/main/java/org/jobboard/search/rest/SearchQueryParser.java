package org.jobboard.search.rest;

import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.search.api.SearchParams;
import org.jobboard.search.domain.GeoPoint;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SortOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a search's raw query parameters into a {@link PostingQuery}: anything unusable is a 400 naming the parameter
 * (with the allowed values where there is a list), never a 500. Enumerated filters are the shared posting enums.
 */
final class SearchQueryParser {
    static final int MAX_QUERY_CHARS = 255;
    static final int MAX_TEXT_FILTER = 100;
    static final Map<String, Duration> POSTED_WITHIN = Map.of("1d", Duration.ofDays(1), "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30));
    private static final int MAX_SKILLS = 20;
    private static final double MAX_RADIUS_KM = 20_000;
    private static final long MAX_SALARY = 1_000_000_000_000L;
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{1,12})?");

    private SearchQueryParser() {
    }

    static PostingQuery query(SearchParams p) {
        String text = p.q() == null || p.q().isBlank() ? null : p.q().strip();
        if (p.q() != null && p.q().length() > MAX_QUERY_CHARS) {
            throw ApiException.badParameter("q", "must be at most " + MAX_QUERY_CHARS + " characters");
        }
        GeoPoint near = near(p.near());
        Double radiusKm = radius(p.radiusKm(), near);
        Long salaryMin = salaryMin(p.salaryMin());
        String currency = currency(p.currency());
        if (salaryMin != null && currency == null) {
            throw ApiException.badParameter("currency", "is required with salaryMin (no currency conversion)");
        }
        SortOrder sort = sort(p.sort());
        if (sort == SortOrder.DISTANCE && near == null) {
            throw ApiException.badParameter("sort", "distance needs near=lat,lon");
        }
        return new PostingQuery(text,
                enumValues("employmentType", p.employmentType(), EmploymentType.class),
                enumValues("workplaceType", p.workplaceType(), WorkplaceType.class),
                country(p.country()), textFilter("region", p.region()), textFilter("city", p.city()), near, radiusKm,
                salaryMin, currency, enumValue("seniority", p.seniority(), Seniority.class), skills(p.skills()),
                organizationId(p.organizationId()), postedWithin(p.postedWithin()), sort, limit(p.limit()), null);
    }

    private static <E extends Enum<E>> Set<E> enumValues(String name, List<String> values, Class<E> type) {
        Set<E> result = new LinkedHashSet<>();
        for (String value : split(values)) {
            result.add(enumValue(name, value, type));
        }
        return result;
    }

    /** Case-insensitive; a value outside the enum is a 400 listing the allowed ones. */
    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).sorted().toList());
        }
    }

    private static List<String> split(List<String> values) {
        List<String> parts = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        parts.add(part.strip());
                    }
                }
            }
        }
        return parts;
    }

    private static String country(String value) {
        if (value == null) {
            return null;
        }
        if (!COUNTRY.matcher(value.strip()).matches()) {
            throw ApiException.badParameter("country", "must be an ISO 3166-1 alpha-2 code such as US");
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static String textFilter(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_TEXT_FILTER) {
            throw ApiException.badParameter(name, "must be 1 to " + MAX_TEXT_FILTER + " characters");
        }
        return value.strip();
    }

    static GeoPoint near(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 2 || !DECIMAL.matcher(parts[0].strip()).matches()
                || !DECIMAL.matcher(parts[1].strip()).matches()) {
            throw ApiException.badParameter("near", "must be latitude,longitude in decimal degrees, e.g. 39.74,-104.99");
        }
        double latitude = Double.parseDouble(parts[0].strip());
        double longitude = Double.parseDouble(parts[1].strip());
        if (latitude < -90 || latitude > 90) {
            throw ApiException.badParameter("near", "latitude must be between -90 and 90");
        }
        if (longitude < -180 || longitude > 180) {
            throw ApiException.badParameter("near", "longitude must be between -180 and 180");
        }
        return new GeoPoint(latitude, longitude);
    }

    private static Double radius(String value, GeoPoint near) {
        if (value == null) {
            return null;
        }
        if (near == null) {
            throw ApiException.badParameter("radiusKm", "needs near=lat,lon");
        }
        double radius;
        try {
            radius = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("radiusKm", "must be a number of kilometres");
        }
        if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
            throw ApiException.badParameter("radiusKm", "must be more than 0 and at most " + (long) MAX_RADIUS_KM);
        }
        return radius;
    }

    private static Long salaryMin(String value) {
        if (value == null) {
            return null;
        }
        try {
            long amount = Long.parseLong(value.strip());
            if (amount < 0 || amount > MAX_SALARY) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("salaryMin", "must be a whole yearly amount from 0 to " + MAX_SALARY);
        }
    }

    private static String currency(String value) {
        if (value == null) {
            return null;
        }
        if (!CURRENCY.matcher(value.strip()).matches()) {
            throw ApiException.badParameter("currency", "must be an ISO 4217 code such as USD");
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static Set<String> skills(List<String> values) {
        List<String> skills = split(values);
        if (skills.size() > MAX_SKILLS) {
            throw ApiException.badParameter("skills", "at most " + MAX_SKILLS + " skills");
        }
        for (String skill : skills) {
            if (skill.length() > MAX_TEXT_FILTER) {
                throw ApiException.badParameter("skills", "each skill must be at most " + MAX_TEXT_FILTER + " characters");
            }
        }
        return new LinkedHashSet<>(skills);
    }

    private static String organizationId(String value) {
        if (value == null) {
            return null;
        }
        return Ids.parse(value.strip()).map(Object::toString)
                .orElseThrow(() -> ApiException.badParameter("organizationId", "must be an organization id (UUID)"));
    }

    private static Duration postedWithin(String value) {
        if (value == null) {
            return null;
        }
        Duration duration = POSTED_WITHIN.get(value.strip().toLowerCase(Locale.ROOT));
        if (duration == null) {
            throw ApiException.badParameter("postedWithin", "must be one of [1d, 7d, 30d]");
        }
        return duration;
    }

    private static SortOrder sort(String value) {
        if (value == null) {
            return SortOrder.RELEVANCE;
        }
        try {
            return SortOrder.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("sort", "must be one of [relevance, date, salary, distance]");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return Limits.DEFAULT;
        }
        try {
            return Limits.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("limit", "must be between 1 and " + Limits.MAX);
        }
    }

    /** The suggestions' prefix: required, at most {@value #MAX_TEXT_FILTER} characters. */
    static String prefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw ApiException.badParameter("prefix", "is required");
        }
        if (prefix.length() > MAX_TEXT_FILTER) {
            throw ApiException.badParameter("prefix", "must be at most " + MAX_TEXT_FILTER + " characters");
        }
        return prefix;
    }
}
