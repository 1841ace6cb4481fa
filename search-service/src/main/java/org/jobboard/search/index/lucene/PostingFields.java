package org.jobboard.search.index.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The index schema: one Lucene document per posting id, either an open posting or a tombstone that only remembers
 * the version of a closed or deleted posting. Keyword values are normalized here once (countries upper case, skills,
 * cities and regions lower case for matching) so that queries and facets agree.
 */
final class PostingFields {
    static final String ID = "id";
    static final String KIND = "kind";
    static final String KIND_POSTING = "posting";
    static final String KIND_TOMBSTONE = "tombstone";
    static final String VERSION = "version";
    /** The posting summary (JSON) a hit shows, as binary doc values: read without decompressing a stored-fields block. */
    static final String SOURCE = "source";
    /** The id as binary doc values: the sort's tie-breaker (copying it is a plain read, no terms-dictionary lookup). */
    static final String ID_SORT = "id_sort";
    /** Title and description text as indexed (offsets in the postings refer to them), for highlighting. */
    static final String TITLE_DISPLAY = "title_display";
    static final String DESCRIPTION_DISPLAY = "description_display";

    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String SKILLS_TEXT = "skills_text";
    static final String ORGANIZATION_TEXT = "organization";
    static final String SPELL = "spell";

    static final String EMPLOYMENT_TYPE = "employment_type";
    static final String WORKPLACE_TYPE = "workplace_type";
    static final String SENIORITY = "seniority";
    static final String COUNTRY = "country";
    static final String REGION = "region";
    static final String CITY = "city";
    static final String CITY_FACET = "city_facet";
    static final String SKILL = "skill";
    static final String ORGANIZATION_ID = "organization_id";
    static final String GEO = "geo";
    static final String SALARY_CURRENCY = "salary_currency";
    /** The yearly amount a posting's range reaches (its max, else its min), for salaryMin, sort and histogram. */
    static final String SALARY_REACH = "salary_reach";
    static final String POSTED = "posted";
    static final String TITLE_SUGGEST = "title_suggest";

    /** Text with offsets in the postings, so highlighting reads them instead of re-analyzing the text. */
    private static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_NOT_STORED);
    /** Words for spelling suggestions: only which documents have them matters. */
    private static final FieldType SPELL_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        HIGHLIGHTED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED_TEXT.freeze();
        SPELL_TEXT.setIndexOptions(IndexOptions.DOCS);
        SPELL_TEXT.setOmitNorms(true);
        SPELL_TEXT.freeze();
    }

    private final ObjectWriter writer;
    private final ObjectReader reader;

    PostingFields(ObjectMapper json) {
        this.writer = json.writerFor(PostingSummary.class);
        this.reader = json.readerFor(PostingSummary.class);
    }

    Document posting(IndexedPosting posting) {
        PostingSummary p = posting.summary();
        Document doc = new Document();
        identity(doc, p.id(), p.version(), KIND_POSTING);
        doc.add(new BinaryDocValuesField(SOURCE, new BytesRef(serialize(p))));

        String title = collapse(p.title());
        doc.add(new Field(TITLE, title, HIGHLIGHTED_TEXT));
        doc.add(new BinaryDocValuesField(TITLE_DISPLAY, new BytesRef(title)));
        doc.add(new SortedSetDocValuesField(TITLE_SUGGEST, new BytesRef(title)));
        doc.add(new Field(SPELL, title, SPELL_TEXT));
        if (posting.descriptionText() != null && !posting.descriptionText().isBlank()) {
            doc.add(new Field(DESCRIPTION, posting.descriptionText(), HIGHLIGHTED_TEXT));
            doc.add(new BinaryDocValuesField(DESCRIPTION_DISPLAY, new BytesRef(posting.descriptionText())));
        }
        doc.add(new KeywordField(ORGANIZATION_ID, p.organization().id(), Field.Store.NO));
        if (p.organization().name() != null) {
            doc.add(new TextField(ORGANIZATION_TEXT, p.organization().name(), Field.Store.NO));
            doc.add(new Field(SPELL, p.organization().name(), SPELL_TEXT));
        }

        for (String skill : skills(p)) {
            doc.add(new TextField(SKILLS_TEXT, skill, Field.Store.NO));
            doc.add(new KeywordField(SKILL, skill, Field.Store.NO));
            doc.add(new Field(SPELL, skill, SPELL_TEXT));
        }
        if (p.employmentTypes() != null) {
            for (String type : new LinkedHashSet<>(p.employmentTypes())) {
                doc.add(new KeywordField(EMPLOYMENT_TYPE, type, Field.Store.NO));
            }
        }
        if (p.workplaceType() != null) {
            doc.add(new KeywordField(WORKPLACE_TYPE, p.workplaceType(), Field.Store.NO));
        }
        if (p.seniority() != null) {
            doc.add(new KeywordField(SENIORITY, p.seniority(), Field.Store.NO));
        }
        locations(doc, p);
        salary(doc, p.salary());
        if (p.publishedAt() != null) {
            doc.add(new LongField(POSTED, p.publishedAt().toEpochMilli(), Field.Store.NO));
        }
        return doc;
    }

    Document tombstone(String id, long version) {
        Document doc = new Document();
        identity(doc, id, version, KIND_TOMBSTONE);
        return doc;
    }

    /** What a hit shows: the summary's JSON and, when asked for, the title and description text (else null). */
    record Shown(byte[] source, String title, String description) {
    }

    /**
     * The {@link Shown} values of some postings by doc id, read from binary doc values: unlike stored fields, no block of
     * neighbouring documents is decompressed for each one.
     */
    static Map<Integer, Shown> shown(IndexReader reader, int[] docIds, boolean withText) throws IOException {
        int[] sorted = docIds.clone();
        Arrays.sort(sorted); // doc-values iterators only move forward
        List<LeafReaderContext> leaves = reader.leaves();
        Map<Integer, Shown> shown = new HashMap<>();
        int leafIndex = -1;
        BinaryDocValues source = null;
        BinaryDocValues title = null;
        BinaryDocValues description = null;
        for (int doc : sorted) {
            int leaf = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext context = leaves.get(leaf);
            if (leaf != leafIndex) {
                leafIndex = leaf;
                source = DocValues.getBinary(context.reader(), SOURCE);
                title = withText ? DocValues.getBinary(context.reader(), TITLE_DISPLAY) : null;
                description = withText ? DocValues.getBinary(context.reader(), DESCRIPTION_DISPLAY) : null;
            }
            int local = doc - context.docBase;
            if (!source.advanceExact(local)) {
                continue; // a tombstone: it has nothing to show
            }
            BytesRef json = source.binaryValue();
            shown.put(doc, new Shown(Arrays.copyOfRange(json.bytes, json.offset, json.offset + json.length),
                    text(title, local), text(description, local)));
        }
        return shown;
    }

    private static String text(BinaryDocValues values, int doc) throws IOException {
        return values != null && values.advanceExact(doc) ? values.binaryValue().utf8ToString() : null;
    }

    PostingSummary summary(Shown shown) {
        try {
            return reader.readValue(shown.source());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable indexed posting", e);
        }
    }

    private static void identity(Document doc, String id, long version, String kind) {
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID_SORT, new BytesRef(id)));
        doc.add(new StringField(KIND, kind, Field.Store.NO));
        doc.add(new NumericDocValuesField(VERSION, version));
    }

    private static void locations(Document doc, PostingSummary p) {
        if (p.locations() == null) {
            return;
        }
        Set<String> countries = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        Set<String> cities = new LinkedHashSet<>();
        for (PostingSummary.Location location : p.locations()) {
            if (location.country() != null) {
                countries.add(country(location.country()));
            }
            if (location.region() != null && !location.region().isBlank()) {
                regions.add(key(location.region()));
            }
            if (location.city() != null && !location.city().isBlank()) {
                if (cities.add(key(location.city()))) {
                    doc.add(new SortedSetDocValuesField(CITY_FACET, new BytesRef(collapse(location.city()))));
                }
            }
            if (location.hasCoordinates()) {
                // throws IllegalArgumentException for coordinates out of range: a poison event
                doc.add(new LatLonPoint(GEO, location.latitude(), location.longitude()));
                doc.add(new LatLonDocValuesField(GEO, location.latitude(), location.longitude()));
            }
        }
        countries.forEach(c -> doc.add(new KeywordField(COUNTRY, c, Field.Store.NO)));
        regions.forEach(r -> doc.add(new StringField(REGION, r, Field.Store.NO)));
        cities.forEach(c -> doc.add(new StringField(CITY, c, Field.Store.NO)));
    }

    private static void salary(Document doc, PostingSummary.Salary salary) {
        if (salary == null || salary.currency() == null) {
            return;
        }
        Long reach = salary.yearlyReach();
        if (reach == null) {
            return;
        }
        doc.add(new KeywordField(SALARY_CURRENCY, salary.currency().toUpperCase(Locale.ROOT), Field.Store.NO));
        doc.add(new LongField(SALARY_REACH, reach, Field.Store.NO));
    }

    static Set<String> skills(PostingSummary p) {
        Set<String> skills = new LinkedHashSet<>();
        if (p.skills() != null) {
            for (String skill : p.skills()) {
                if (skill != null && !skill.isBlank()) {
                    skills.add(key(skill));
                }
            }
        }
        return skills;
    }

    /** Lower case, single spaces: how skills, cities and regions are matched. */
    static String key(String value) {
        return collapse(value).toLowerCase(Locale.ROOT);
    }

    static String country(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    static String collapse(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }

    private byte[] serialize(PostingSummary summary) {
        try {
            return writer.writeValueAsBytes(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize posting " + summary.id(), e);
        }
    }
}
