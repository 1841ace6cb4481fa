package org.jobboard.systemtests;

import org.jobboard.client.ApiClient;
import org.jobboard.client.ApiException;
import org.jobboard.client.ApiResponse;
import org.jobboard.client.Problems;
import org.jobboard.client.api.ApplicationsApi;
import org.jobboard.client.api.FeedsApi;
import org.jobboard.client.api.MeApi;
import org.jobboard.client.api.OrganizationsApi;
import org.jobboard.client.api.PostingsApi;
import org.jobboard.client.api.SearchApi;
import org.jobboard.client.model.ApplicationInput;
import org.jobboard.client.model.ApplyMethod;
import org.jobboard.client.model.ApplyType;
import org.jobboard.client.model.CandidateApplication;
import org.jobboard.client.model.CandidateStatus;
import org.jobboard.client.model.Change;
import org.jobboard.client.model.ChangePage;
import org.jobboard.client.model.Consent;
import org.jobboard.client.model.EmploymentType;
import org.jobboard.client.model.JobPostingJsonLd;
import org.jobboard.client.model.Location;
import org.jobboard.client.model.OrganizationJsonLd;
import org.jobboard.client.model.Posting;
import org.jobboard.client.model.PostingInput;
import org.jobboard.client.model.PostingInputPatch;
import org.jobboard.client.model.Problem;
import org.jobboard.client.model.PublishRequest;
import org.jobboard.client.model.Question;
import org.jobboard.client.model.QuestionType;
import org.jobboard.client.model.RecruiterApplication;
import org.jobboard.client.model.RecruiterApplicationPage;
import org.jobboard.client.model.ResumeUpload;
import org.jobboard.client.model.SearchResponse;
import org.jobboard.client.model.Stage;
import org.jobboard.client.model.TransitionInput;
import org.jobboard.client.model.WorkplaceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jobboard.systemtests.JobboardClients.as;
import static org.jobboard.systemtests.Stack.eventually;

/**
 * The hiring story through the Java client generated from our OpenAPI document with default options, as an
 * integrator would use it: rita creates, patches (a stale If-Match is a typed 412) and publishes; anonymous search
 * finds it; alice applies with a PDF resume, and again (a typed 409 naming her application); rita lists, reads the
 * recruiter view, downloads the resume and moves the application; alice sees her status in candidate terms; bob and
 * ralph see nothing of it; an aggregator reads the change feed and the XML feed; the JSON-LD of the posting and of
 * its organization is read.
 */
class HiringThroughTheJavaClientTest {
    @BeforeAll
    static void acme() {
        Stack.ensureAcme();
    }

    @Test
    void theWholeHiringStoryRunsThroughTheGeneratedClient() throws Exception {
        String title = "Platform Engineer " + UUID.randomUUID().toString().substring(0, 8);
        PostingsApi ritasPostings = new PostingsApi(as("rita"));

        // rita creates a draft, patches it (a merge patch that also clears a field with null) and publishes it
        PostingInput input = new PostingInput().title(title).description("Run **Kubernetes** for us.")
                .requisitionId("REQ-" + title.hashCode()).category("Engineering")
                .employmentTypes(List.of(EmploymentType.FULL_TIME)).workplaceType(WorkplaceType.ON_SITE)
                .locations(List.of(new Location().country("US").region("TX").city("Austin")))
                .applyMethod(new ApplyMethod().type(ApplyType.DIRECT).questions(List.of(new Question().id("authorized")
                        .label("Authorized to work in the US?").type(QuestionType.YES_NO).required(true)
                        .knockoutAnswer("NO"))));
        ApiResponse<Posting> created = ritasPostings.createPostingWithHttpInfo(input, UUID.randomUUID().toString());
        assertEquals(201, created.getStatusCode());
        UUID postingId = created.getData().getId();
        String etag = created.getHeaders().get("etag").get(0);

        PostingInputPatch patch = new PostingInputPatch().description("Run **Kubernetes** and Kafka for us.");
        patch.setRequisitionId(null); // JsonNullable: sends "requisitionId": null, which removes it
        Posting patched = ritasPostings.patchPosting(postingId, etag, patch);
        assertEquals("Run **Kubernetes** and Kafka for us.", patched.getDescription());
        assertNull(patched.getRequisitionId());

        ApiException stale = assertThrows(ApiException.class,
                () -> ritasPostings.patchPosting(postingId, etag, new PostingInputPatch().category("Operations")));
        Problem preconditionFailed = Problems.require(stale);
        assertEquals(412, preconditionFailed.getStatus());
        assertTrue(preconditionFailed.getType().toString().endsWith(":precondition-failed"), preconditionFailed.toString());

        Posting published = ritasPostings.publishPosting(postingId, new PublishRequest(), null);
        assertEquals("PUBLISHED", published.getStatus().getValue());

        // anyone finds it, without a token, once search-service has indexed the event
        SearchApi search = new SearchApi(JobboardClients.anonymous());
        eventually(() -> search(search, title).getItems().stream().anyMatch(hit -> hit.getId().equals(postingId)),
                "search-service to index the published posting");

        // alice applies with a PDF resume and her answer, once applications-service has the posting
        ApplicationsApi ritasApplications = new ApplicationsApi(as("rita"));
        eventually(() -> listed(ritasApplications, postingId) != null, "the posting to reach applications-service");
        byte[] resume = JobboardClients.pdf("Alice Candidate: Kubernetes, Kafka, Java");
        ApplicationInput application = new ApplicationInput().postingId(postingId).name("Alice Candidate")
                .email("alice@example.org").phone("+14155550123").answers(Map.of("authorized", "YES"))
                .coverLetter("I love clusters.")
                .consent(new Consent().privacyPolicyVersion("2026-01").marketing(false))
                .resume(new ResumeUpload().fileName("alice-cv.pdf").content(resume));
        ApplicationsApi alicesApplications = new ApplicationsApi(as("alice"));
        CandidateApplication applied = alicesApplications.applyToPosting(application, UUID.randomUUID().toString());
        assertEquals(CandidateStatus.SUBMITTED, applied.getStatus());
        UUID applicationId = applied.getId();

        // a second application to the same posting is a typed 409 naming the first
        ApiException duplicate = assertThrows(ApiException.class,
                () -> alicesApplications.applyToPosting(application.resume(null), UUID.randomUUID().toString()));
        Problem conflict = Problems.require(duplicate);
        assertEquals(409, conflict.getStatus());
        assertEquals(applicationId, conflict.getExistingApplicationId());

        // rita lists the posting's applications, reads the recruiter view, gets the resume, moves it forward
        RecruiterApplicationPage page = ritasApplications.listApplications(postingId, null, null, null);
        assertTrue(page.getItems().stream().anyMatch(item -> item.getId().equals(applicationId)), page.toString());
        for (Stage stage : List.of(Stage.SCREENING, Stage.INTERVIEW)) {
            ApiResponse<RecruiterApplication> read = ritasApplications.getApplicationWithHttpInfo(applicationId);
            assertEquals(Map.of("authorized", "YES"), read.getData().getAnswers());
            RecruiterApplication moved = ritasApplications.transitionApplication(applicationId,
                    read.getHeaders().get("etag").get(0), new TransitionInput().to(stage).note("strong profile"));
            assertEquals(stage, moved.getStage());
        }
        RecruiterApplication recruiterView = ritasApplications.getApplication(applicationId);
        assertEquals(3, recruiterView.getHistory().size(), recruiterView.toString());
        File downloaded = ritasApplications.downloadResume(applicationId);
        assertArrayEquals(resume, Files.readAllBytes(downloaded.toPath()));

        // alice sees where she stands in candidate terms; another candidate and another organization see nothing
        CandidateApplication alicesView = new MeApi(as("alice")).getMyApplication(applicationId);
        assertEquals(CandidateStatus.INTERVIEWING, alicesView.getStatus());
        assertTrue(new MeApi(as("alice")).listMyApplications(null, null).getItems().stream()
                .anyMatch(item -> item.getId().equals(applicationId) && item.getStatus() == CandidateStatus.INTERVIEWING));
        assertEquals(404, assertThrows(ApiException.class,
                () -> new MeApi(as("bob")).getMyApplication(applicationId)).getCode());
        assertEquals(404, assertThrows(ApiException.class,
                () -> new ApplicationsApi(as("ralph")).getApplication(applicationId)).getCode());

        // an aggregator follows the change feed to the posting, and finds it in the XML feed
        FeedsApi feeds = new FeedsApi(JobboardClients.aggregator());
        AtomicReference<Change> change = new AtomicReference<>();
        eventually(() -> {
            change.set(findChange(feeds, postingId));
            return change.get() != null;
        }, "the change feed to show the published posting (it holds back the newest changes for a moment)");
        assertEquals(title, change.get().getPosting().getTitle());
        File xml = feeds.getJobsXmlFeed();
        assertTrue(Files.readString(xml.toPath()).contains(postingId.toString()), "the XML feed lists the posting");

        // and the structured data search engines read, for the posting and for its organization
        JobPostingJsonLd jobPosting = new PostingsApi(JobboardClients.anonymous()).getPostingJsonLd(postingId, null);
        assertEquals(title, jobPosting.getTitle());
        OrganizationsApi organizations = new OrganizationsApi(JobboardClients.anonymous());
        OrganizationJsonLd organization = organizations.getOrganizationJsonLd(published.getOrganizationId(), null);
        assertEquals(organizations.getOrganization(published.getOrganizationId(), null).getName(), organization.getName());
        assertEquals(published.getOrganization().getName(), jobPosting.getHiringOrganization().getName());
    }

    private static SearchResponse search(SearchApi search, String title) {
        try {
            return search.searchPostings(null, null, null, null, null, null, null, null, null, "\"" + title + "\"",
                    null, null, null, null, null, null, null);
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    private static RecruiterApplicationPage listed(ApplicationsApi applications, UUID postingId) {
        try {
            return applications.listApplications(postingId, null, null, null);
        } catch (ApiException e) {
            return null;
        }
    }

    /** Walks the change feed from the start to the posting's newest change. */
    private static Change findChange(FeedsApi feeds, UUID postingId) {
        try {
            String cursor = null;
            Change found = null;
            for (int pages = 0; pages < 200; pages++) {
                ChangePage page = feeds.listChanges(cursor, 100);
                for (Change change : page.getItems()) {
                    if (change.getId().equals(postingId)) {
                        found = change;
                    }
                }
                if (page.getNextCursor() == null || page.getItems().isEmpty()) {
                    return found;
                }
                cursor = page.getNextCursor();
            }
            return found;
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }
}
