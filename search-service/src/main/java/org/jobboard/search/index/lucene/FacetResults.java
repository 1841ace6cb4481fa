package org.jobboard.search.index.lucene;

import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;
import org.jobboard.search.domain.Facets;
import org.jobboard.search.domain.Facets.FacetValue;
import org.jobboard.search.domain.PostingQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the counts of one search pass into the response's facets: ordered, bounded, labelled. */
final class FacetResults {
    static final String EMPLOYMENT_TYPE = "employmentType";
    static final String WORKPLACE_TYPE = "workplaceType";
    static final String SENIORITY = "seniority";
    static final String COUNTRY = "country";
    static final String CITY = "city";
    static final String SKILLS = "skills";
    static final String ORGANIZATION = "organization";
    static final String SALARY = "salary";

    /** Facet name → doc-values field counted for it; a facet's position is its index in {@link FacetCounting}. */
    static final List<String> NAMES = List.of(EMPLOYMENT_TYPE, WORKPLACE_TYPE, SENIORITY, COUNTRY, CITY, SKILLS,
            ORGANIZATION);
    static final List<String> FIELDS = List.of(PostingFields.EMPLOYMENT_TYPE, PostingFields.WORKPLACE_TYPE,
            PostingFields.SENIORITY, PostingFields.COUNTRY, PostingFields.CITY_FACET, PostingFields.SKILL,
            PostingFields.ORGANIZATION_ID);
    private static final int TOP_VALUES = 20;
    private static final Set<String> BOUNDED = Set.of(CITY, SKILLS, ORGANIZATION);
    /**
     * The facets over a shared enumeration offer only its values: each value offered is one the filter accepts (a
     * value a newer producer added is not offered until this service knows it).
     */
    private static final Map<String, Set<String>> ENUMERATED = Map.of(
            EMPLOYMENT_TYPE, names(EmploymentType.values()),
            WORKPLACE_TYPE, names(WorkplaceType.values()),
            SENIORITY, names(Seniority.values()));

    private final PostingFields fields;
    private final OrganizationNames organizationNames;

    FacetResults(PostingFields fields, OrganizationNames organizationNames) {
        this.fields = fields;
        this.organizationNames = organizationNames;
    }

    /** The position of a facet in {@link FacetCounting}'s counts (the salary histogram has its own). */
    static int position(String facet) {
        return facet.equals(SALARY) ? FacetCounting.SALARY : NAMES.indexOf(facet);
    }

    Facets facets(IndexSearcher searcher, FacetCounting.Tally tally, PostingQuery query) throws IOException {
        Map<String, List<FacetValue>> values = new HashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String facet = NAMES.get(i);
            Map<String, Integer> counts = tally.counts(FIELDS.get(i));
            Set<String> allowed = ENUMERATED.get(facet);
            if (allowed != null) {
                counts = counts.entrySet().stream().filter(e -> allowed.contains(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            }
            values.put(facet, top(counts, BOUNDED.contains(facet) ? TOP_VALUES : Integer.MAX_VALUE));
        }
        return new Facets(values.get(EMPLOYMENT_TYPE), values.get(WORKPLACE_TYPE), values.get(SENIORITY),
                values.get(COUNTRY), values.get(CITY), values.get(SKILLS),
                labelOrganizations(searcher, values.get(ORGANIZATION)),
                SalaryHistograms.of(tally.salaries(), query.currency()));
    }

    private static List<FacetValue> top(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new FacetValue(e.getKey(), null, e.getValue()))
                .toList();
    }

    /**
     * Organization facet values are ids; the label is the organization's name, remembered from the postings this
     * replica indexed (the newest name wins) or, after a restart, read once from one of its postings. Looking it up per
     * search cost more than the search itself.
     */
    private List<FacetValue> labelOrganizations(IndexSearcher searcher, List<FacetValue> organizations)
            throws IOException {
        List<FacetValue> labelled = new ArrayList<>(organizations.size());
        for (FacetValue organization : organizations) {
            String name = organizationNames.get(organization.value());
            if (name == null) {
                name = indexedOrganizationName(searcher, organization.value());
                organizationNames.foundInIndex(organization.value(), name);
            }
            labelled.add(new FacetValue(organization.value(), name, organization.count()));
        }
        return labelled;
    }

    private String indexedOrganizationName(IndexSearcher searcher, String organizationId) throws IOException {
        // only postings carry an organization id (tombstones hold id and version only)
        TopDocs top = searcher.search(KeywordField.newExactQuery(PostingFields.ORGANIZATION_ID, organizationId), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        int doc = top.scoreDocs[0].doc;
        PostingFields.Shown shown = PostingFields.shown(searcher.getIndexReader(), new int[] { doc }, false).get(doc);
        return shown == null ? null : fields.summary(shown).organization().name();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
