package org.jobboard.tools.bench.search;

import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingSummary;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a team would otherwise build: the same postings in PostgreSQL with a weighted tsvector (title A, skills B,
 * organization C, description D) under a GIN index, B-tree/GIN indexes on the filter columns, and the same query mix:
 * the same filters, ts_rank order, LIMIT 20, facet counts by GROUP BY with multi-select semantics (each facet leaves
 * out its own filter) and a salary histogram, all in one statement per search; suggestions from a precomputed table.
 * Runs in its own database, dropped and created per run.
 */
final class PostgresBaseline implements AutoCloseable {
    static final String DATABASE = "jobboard_bench";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final Connection loader;
    private PreparedStatement insert;
    private int pending;

    private PostgresBaseline(String serverUrl, String user, String password) throws SQLException {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.loader = connect();
    }

    /** Drops and creates the benchmark database and its table (no indexes yet: they are built after the load). */
    static PostgresBaseline create(String serverUrl, String user, String password) throws SQLException {
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        PostgresBaseline pg = new PostgresBaseline(base, user, password);
        try (Statement s = pg.loader.createStatement()) {
            s.execute("""
                    CREATE TABLE posting (
                      id text PRIMARY KEY,
                      title text NOT NULL,
                      organization_id text NOT NULL,
                      organization_name text NOT NULL,
                      employment_types text[] NOT NULL,
                      workplace_type text,
                      seniority text,
                      country text,
                      region text,
                      city text,
                      latitude double precision,
                      longitude double precision,
                      salary_currency text,
                      salary_year bigint,
                      skills text[] NOT NULL,
                      skills_text text NOT NULL,
                      category text,
                      posted_at timestamptz NOT NULL,
                      description text NOT NULL,
                      document tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A')
                        || setweight(to_tsvector('english', skills_text), 'B')
                        || setweight(to_tsvector('english', organization_name), 'C')
                        || setweight(to_tsvector('english', description), 'D')) STORED)""");
        }
        pg.loader.setAutoCommit(false);
        pg.insert = pg.loader.prepareStatement("INSERT INTO posting (id, title, organization_id, organization_name, "
                + "employment_types, workplace_type, seniority, country, region, city, latitude, longitude, "
                + "salary_currency, salary_year, skills, skills_text, category, posted_at, description) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        return pg;
    }

    static void drop(String serverUrl, String user, String password) throws SQLException {
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl + DATABASE + "?reWriteBatchedInserts=true", user, password);
    }

    /** Adds one posting to the load (batched; the description is the plain text the index also sees). */
    void add(IndexedPosting posting) throws SQLException {
        PostingSummary p = posting.summary();
        PostingSummary.Location location = p.locations().get(0);
        int i = 1;
        insert.setString(i++, p.id());
        insert.setString(i++, p.title());
        insert.setString(i++, p.organization().id());
        insert.setString(i++, p.organization().name());
        insert.setArray(i++, loader.createArrayOf("text", p.employmentTypes().toArray()));
        insert.setString(i++, p.workplaceType());
        insert.setString(i++, p.seniority());
        insert.setString(i++, location.country());
        insert.setString(i++, location.region());
        insert.setString(i++, location.city());
        insert.setObject(i++, location.latitude());
        insert.setObject(i++, location.longitude());
        Long yearly = p.salary() == null ? null : p.salary().yearlyReach();
        insert.setString(i++, yearly == null ? null : p.salary().currency());
        insert.setObject(i++, yearly);
        insert.setArray(i++, loader.createArrayOf("text", p.skills().toArray()));
        insert.setString(i++, String.join(" ", p.skills()));
        insert.setString(i++, p.category());
        insert.setTimestamp(i++, Timestamp.from(p.publishedAt()));
        insert.setString(i, posting.descriptionText());
        insert.addBatch();
        if (++pending == 1000) {
            flush();
        }
    }

    private void flush() throws SQLException {
        insert.executeBatch();
        loader.commit();
        pending = 0;
    }

    /**
     * Ends the load: the indexes a team would add for these queries, the suggestion table (titles and skills with
     * their posting counts, keyed by every word suffix so a prefix matches the start of any word, as in the index),
     * VACUUM ANALYZE.
     */
    void finishLoad() throws SQLException {
        if (pending > 0) {
            flush();
        }
        insert.close();
        loader.setAutoCommit(true);
        try (Statement s = loader.createStatement()) {
            s.execute("CREATE INDEX posting_document ON posting USING gin (document)");
            s.execute("CREATE INDEX posting_employment_types ON posting USING gin (employment_types)");
            s.execute("CREATE INDEX posting_workplace_type ON posting (workplace_type)");
            s.execute("CREATE INDEX posting_seniority ON posting (seniority)");
            s.execute("CREATE INDEX posting_country_city ON posting (country, city)");
            s.execute("CREATE INDEX posting_location ON posting (latitude, longitude)");
            s.execute("CREATE INDEX posting_posted_at ON posting (posted_at DESC)");
            s.execute("CREATE TABLE suggestion (id serial PRIMARY KEY, term text NOT NULL, kind text NOT NULL, "
                    + "postings integer NOT NULL)");
            s.execute("INSERT INTO suggestion (term, kind, postings) "
                    + "SELECT title, 'TITLE', count(*) FROM posting GROUP BY title "
                    + "UNION ALL SELECT skill, 'SKILL', count(*) FROM posting, unnest(skills) skill GROUP BY skill");
            s.execute("CREATE TABLE suggestion_key (key text NOT NULL, suggestion_id integer NOT NULL)");
            s.execute("INSERT INTO suggestion_key SELECT array_to_string(words[i:], ' '), id "
                    + "FROM (SELECT id, regexp_split_to_array(lower(term), '\\s+') AS words FROM suggestion) s, "
                    + "generate_subscripts(words, 1) AS i");
            s.execute("CREATE INDEX suggestion_key_prefix ON suggestion_key (key text_pattern_ops)");
            s.execute("VACUUM ANALYZE");
        }
    }

    /** Table, TOAST and index bytes of the postings (what PostgreSQL needs on disk for them). */
    long sizeBytes() throws SQLException {
        try (Statement s = loader.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_total_relation_size('posting')")) {
            r.next();
            return r.getLong(1);
        }
    }

    String version() throws SQLException {
        try (Statement s = loader.createStatement(); ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        loader.close();
    }

    // ---------------------------------------------------------------- the query mix in SQL

    /**
     * The facet part shared by both searches: counts over the matches {@code m}, each facet applying every filter but
     * its own ({@code f_employment}, {@code f_workplace} are the facet filters' truth values per match).
     */
    private static String facets(String all, String forEmployment, String forWorkplace) {
        return """
                'total', (SELECT count(*) FROM m WHERE %1$s),
                'employmentType', (SELECT json_object_agg(v, n) FROM (SELECT e AS v, count(*) AS n FROM m, unnest(employment_types) e WHERE %2$s GROUP BY e) x),
                'workplaceType', (SELECT json_object_agg(v, n) FROM (SELECT workplace_type AS v, count(*) AS n FROM m WHERE %3$s AND workplace_type IS NOT NULL GROUP BY 1) x),
                'seniority', (SELECT json_object_agg(v, n) FROM (SELECT seniority AS v, count(*) AS n FROM m WHERE %1$s AND seniority IS NOT NULL GROUP BY 1) x),
                'country', (SELECT json_object_agg(v, n) FROM (SELECT country AS v, count(*) AS n FROM m WHERE %1$s AND country IS NOT NULL GROUP BY 1) x),
                'city', (SELECT json_agg(x) FROM (SELECT city AS v, count(*) AS n FROM m WHERE %1$s AND city IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20) x),
                'skills', (SELECT json_agg(x) FROM (SELECT s AS v, count(*) AS n FROM m, unnest(skills) s WHERE %1$s GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20) x),
                'organization', (SELECT json_agg(x) FROM (SELECT organization_id AS v, min(organization_name) AS label, count(*) AS n FROM m WHERE %1$s GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 20) x),
                'salary', (SELECT json_agg(x) FROM (SELECT salary_currency AS c, salary_year / 10000 * 10000 AS b, count(*) AS n FROM m WHERE %1$s AND salary_year IS NOT NULL GROUP BY 1, 2) x)
                """.formatted(all, forEmployment, forWorkplace);
    }

    private static final String MATCH_COLUMNS = "p.id, p.title, p.organization_id, p.organization_name, "
            + "p.employment_types, p.workplace_type, p.seniority, p.country, p.region, p.city, p.salary_currency, "
            + "p.salary_year, p.skills, p.posted_at";

    /** Full text with an employment-type and a workplace filter: ts_rank order, page of 20 (+1), facets. */
    static final String TEXT_SQL = """
            WITH q AS (SELECT websearch_to_tsquery('english', ?) AS query),
            m AS MATERIALIZED (
              SELECT %s, p.latitude, p.longitude,
                     p.employment_types && ?::text[] AS f_employment, p.workplace_type = ? AS f_workplace,
                     ts_rank(p.document, q.query) AS rank
              FROM posting p, q WHERE p.document @@ q.query)
            SELECT json_build_object(
              'hits', (SELECT json_agg(h) FROM (SELECT id, title, organization_id, organization_name, employment_types,
                         workplace_type, seniority, country, region, city, latitude, longitude, salary_currency,
                         salary_year, skills, posted_at, rank
                       FROM m WHERE f_employment AND f_workplace ORDER BY rank DESC, id LIMIT 21) h),
              %s)
            """.formatted(MATCH_COLUMNS, facets("f_employment AND f_workplace", "f_workplace", "f_employment"));

    /** Within a radius, nearest first (bounding box on the indexed coordinates, then the haversine distance). */
    static final String GEO_SQL = """
            WITH m AS MATERIALIZED (
              SELECT * FROM (
                SELECT %s, p.latitude, p.longitude,
                       2 * 6371.0087714 * asin(sqrt(power(sin(radians(p.latitude - ?) / 2), 2)
                         + cos(radians(?)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ?) / 2), 2)))
                         AS distance_km
                FROM posting p
                WHERE p.latitude BETWEEN ? AND ? AND p.longitude BETWEEN ? AND ?) d
              WHERE distance_km <= ?)
            SELECT json_build_object(
              'hits', (SELECT json_agg(h) FROM (SELECT id, title, organization_id, organization_name, employment_types,
                         workplace_type, seniority, country, region, city, latitude, longitude, salary_currency,
                         salary_year, skills, posted_at, distance_km
                       FROM m ORDER BY distance_km, id LIMIT 21) h),
              %s)
            """.formatted(MATCH_COLUMNS, facets("true", "true", "true"));

    /** Titles and skills starting (at any word) with the prefix, most used first. */
    static final String SUGGEST_SQL = """
            SELECT term, kind, postings FROM suggestion
            WHERE id IN (SELECT suggestion_id FROM suggestion_key WHERE key LIKE ?)
            ORDER BY postings DESC, term LIMIT 10""";

    /** One connection's prepared statements (the JDBC driver prepares them on the server after a few runs). */
    static final class Session implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement text;
        private final PreparedStatement geo;
        private final PreparedStatement suggest;

        Session(Connection connection) throws SQLException {
            this.connection = connection;
            this.text = connection.prepareStatement(TEXT_SQL);
            this.geo = connection.prepareStatement(GEO_SQL);
            this.suggest = connection.prepareStatement(SUGGEST_SQL);
        }

        /** Runs the query and returns what the client receives (the JSON document, or the suggestion lines). */
        String run(BenchQuery query) throws SQLException {
            return switch (query.kind()) {
                case TEXT -> {
                    text.setString(1, query.text());
                    text.setArray(2, connection.createArrayOf("text", new Object[] { query.employmentType() }));
                    text.setString(3, query.workplaceType());
                    yield single(text);
                }
                case GEO -> {
                    double lat = query.near().latitude();
                    double lon = query.near().longitude();
                    double dLat = query.radiusKm() / 111.0;
                    double dLon = query.radiusKm() / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
                    geo.setDouble(1, lat);
                    geo.setDouble(2, lat);
                    geo.setDouble(3, lon);
                    geo.setDouble(4, lat - dLat);
                    geo.setDouble(5, lat + dLat);
                    geo.setDouble(6, lon - dLon);
                    geo.setDouble(7, lon + dLon);
                    geo.setDouble(8, query.radiusKm());
                    yield single(geo);
                }
                case SUGGEST -> {
                    String key = query.prefix().toLowerCase(Locale.ROOT).strip().replace("\\", "\\\\")
                            .replace("%", "\\%").replace("_", "\\_");
                    suggest.setString(1, key + "%");
                    List<String> lines = new ArrayList<>();
                    try (ResultSet r = suggest.executeQuery()) {
                        while (r.next()) {
                            lines.add(r.getString(1) + "\t" + r.getString(2) + "\t" + r.getInt(3));
                        }
                    }
                    yield String.join("\n", lines);
                }
            };
        }

        private static String single(PreparedStatement statement) throws SQLException {
            try (ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
