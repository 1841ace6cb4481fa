package org.jobboard.search.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jobboard.platform.paging.PageResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.search.api.SearchExamples;
import org.jobboard.search.api.SearchParams;
import org.jobboard.search.api.SearchResponse;
import org.jobboard.search.api.Suggestions;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.service.SearchService;

import java.util.List;
import java.util.Map;

@Path("/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search of open postings with filters, geo radius, facets, highlights and suggestions; public")
public class SearchResource {
    @Inject
    SearchService service;

    @Context
    UriInfo uri;

    @GET
    @Path("/postings")
    @PermitAll
    @Operation(operationId = "searchPostings", summary = "Search open postings",
            description = "Full text (BM25; title weighs most; English stemming and synonyms; \"quoted phrases\"; "
                    + "typo tolerance for rare words when exact matching finds few hits), filters, facets whose counts leave out "
                    + "their own filter (multi-select), highlights and cursor paging. Query syntax characters are "
                    + "plain text.")
    @APIResponse(responseCode = "200", description = "A page of hits; Link: <...>; rel=\"next\" when more follow",
            headers = @Header(name = "Link", description = "<URL of the next page>; rel=\"next\", when more hits follow",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 8192, pattern = "^<[^>]+>; rel=\"next\"$")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResponse.class),
                    examples = @ExampleObject(name = "java developer near Denver", value = SearchExamples.SEARCH_RESPONSE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid, unknown or repeated; errors[].field names it")
    public Response postings(
            @Parameter(description = "Full-text query, at most 255 characters; words and \"quoted phrases\"",
                    example = "java developer", schema = @Schema(type = SchemaType.STRING, maxLength = 255, pattern = "\\S"))
            @QueryParam("q") String q,
            @Parameter(description = "Employment types (any of); repeat or comma-separate",
                    explode = Explode.TRUE, schema = @Schema(type = SchemaType.ARRAY, maxItems = 8,
                            implementation = EmploymentType.class))
            @QueryParam("employmentType") List<String> employmentType,
            @Parameter(description = "Workplace types (any of); repeat or comma-separate",
                    explode = Explode.TRUE, schema = @Schema(type = SchemaType.ARRAY, maxItems = 3,
                            implementation = WorkplaceType.class))
            @QueryParam("workplaceType") List<String> workplaceType,
            @Parameter(description = "ISO 3166-1 alpha-2 country of a location", example = "US",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2, pattern = "^[A-Za-z]{2}$"))
            @QueryParam("country") String country,
            @Parameter(description = "Region of a location (case-insensitive)", example = "CO",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100))
            @QueryParam("region") String region,
            @Parameter(description = "City of a location (case-insensitive)", example = "Denver",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100))
            @QueryParam("city") String city,
            @Parameter(description = "A point as latitude,longitude (decimal degrees): enables distanceKm, radiusKm "
                    + "and sort=distance", example = "39.7392,-104.9903",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64,
                            pattern = "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*,\\s*-?[0-9]+(\\.[0-9]+)?\\s*$"))
            @QueryParam("near") String near,
            @Parameter(description = "Only postings with a location within this many km of near (needs near)",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "0", exclusiveMinimum = true, maximum = "20000"))
            @QueryParam("radiusKm") String radiusKm,
            @Parameter(description = "Yearly amount the posting's salary range must reach (hourly, daily, weekly and "
                    + "monthly amounts are annualized); needs currency",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("salaryMin") String salaryMin,
            @Parameter(description = "ISO 4217 currency of salaryMin (no conversion); alone it picks the salary "
                    + "histogram's currency", example = "USD",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 3, pattern = "^[A-Za-z]{3}$"))
            @QueryParam("currency") String currency,
            @Parameter(description = "Career level", schema = @Schema(implementation = Seniority.class))
            @QueryParam("seniority") String seniority,
            @Parameter(description = "Skills the posting must all have; repeat or comma-separate (at most 20)",
                    explode = Explode.TRUE, schema = @Schema(type = SchemaType.ARRAY, maxItems = 20, implementation = String.class))
            @QueryParam("skills") List<String> skills,
            @Parameter(description = "Only this organization's postings (its id)",
                    example = "0193e0a0-0000-7000-8000-00000000ac3e",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @QueryParam("organizationId") String organizationId,
            @Parameter(description = "Only postings published within this period",
                    schema = @Schema(enumeration = { "1d", "7d", "30d" }))
            @QueryParam("postedWithin") String postedWithin,
            @Parameter(description = "Order: relevance (default; newest first without q), date (newest first), "
                    + "salary (highest first), distance (nearest first; needs near)",
                    schema = @Schema(enumeration = { "relevance", "date", "salary", "distance" }))
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 100 (default 20)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page of the same search",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 2048, pattern = "^[A-Za-z0-9_-]+$"))
            @QueryParam("cursor") String cursor) {
        rejectUnknownOrRepeated(uri.getQueryParameters(), SearchParams.NAMES, SearchParams.MULTI_VALUED);
        SearchService.Page page = service.search(SearchQueryParser.query(new SearchParams(q, employmentType,
                workplaceType, country, region, city, near, radiusKm, salaryMin, currency, seniority, skills,
                organizationId, postedWithin, sort, limit, cursor)), cursor);
        SearchResult result = page.result();
        SearchResponse body = new SearchResponse(result.hits().stream().map(SearchResponse.Hit::of).toList(),
                page.nextCursor(),
                new SearchResponse.Total(result.total(), result.totalIsLowerBound() ? "gte" : "eq"),
                result.facets(), result.didYouMean(), result.fuzzy());
        return PageResponses.of(body, page.nextCursor(), uri);
    }

    @GET
    @Path("/suggestions")
    @PermitAll
    @Operation(operationId = "suggestPostings", summary = "Autocomplete titles and skills",
            description = "Up to 10 titles and skills of open postings with a word starting with prefix, most used first")
    @APIResponse(responseCode = "200", description = "Suggestions, most used first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Suggestions.class),
                    examples = @ExampleObject(name = "jav", value = SearchExamples.SUGGESTIONS)))
    @APIResponse(responseCode = "400", description = "prefix is missing or longer than 100 characters, or another "
            + "parameter is given")
    public Suggestions suggestions(
            @Parameter(description = "What the user typed so far (1 to 100 characters)", required = true, example = "jav",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 100, pattern = "\\S"))
            @QueryParam("prefix") String prefix) {
        rejectUnknownOrRepeated(uri.getQueryParameters(), List.of("prefix"), List.of());
        return new Suggestions(service.suggest(SearchQueryParser.prefix(prefix)));
    }

    static void rejectUnknownOrRepeated(MultivaluedMap<String, String> parameters, List<String> known,
            List<String> multiValued) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw ApiException.badParameter(parameter.getKey(), "is not a parameter of this endpoint");
            }
            if (parameter.getValue().size() > 1 && !multiValued.contains(parameter.getKey())) {
                throw ApiException.badParameter(parameter.getKey(), "must be given once");
            }
        }
    }
}
