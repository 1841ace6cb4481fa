package org.jobboard.applications.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jobboard.applications.domain.Stage;
import org.jobboard.applications.support.Db;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hiring pipeline: every legal and illegal move, If-Match, the append-only history, the candidate's view. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class PipelineTest {

    record Setup(String organization, String posting, String recruiter) {
        static Setup create() {
            String organization = Ids.newId();
            return new Setup(organization, Fixtures.publishedPosting(organization),
                    TestTokens.recruiter("rita", organization));
        }

        /** A fresh application, moved forward to the given stage along the legal path. */
        String applicationAt(Stage stage) {
            String id = Fixtures.apply(Fixtures.newCandidate("cand"), posting);
            Stage current = Stage.APPLIED;
            while (current != stage) {
                current = current.next();
                Fixtures.move(recruiter, id, "{\"to\":\"" + current + "\"}").statusCode(200);
            }
            return id;
        }
    }

    @Test
    void theWholePathForwardWithHistoryAndCandidateStatuses() {
        Setup s = Setup.create();
        String alice = Fixtures.newCandidate("alice");
        String id = Fixtures.apply(alice, s.posting());
        List<String> candidateSees = List.of("IN_REVIEW", "INTERVIEWING", "OFFERED", "HIRED");
        List<Stage> path = List.of(Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED);
        for (int i = 0; i < path.size(); i++) {
            Fixtures.move(s.recruiter(), id, "{\"to\":\"" + path.get(i) + "\",\"note\":\"step " + i + "\"}")
                    .statusCode(200).body("stage", equalTo(path.get(i).name()))
                    .body("history[-1].note", equalTo("step " + i))
                    .body("history[-1].byRole", equalTo("RECRUITER"))
                    .body("history[-1].bySubject", equalTo("rita"));
            Fixtures.own(alice, id).statusCode(200)
                    .body("status", equalTo(candidateSees.get(i)));
        }
        given().auth().oauth2(s.recruiter()).get("/v1/applications/" + id).then().statusCode(200)
                .body("history.from", equalTo(java.util.Arrays.asList(null, "APPLIED", "SCREENING", "INTERVIEW", "OFFER")))
                .body("history.to", equalTo(List.of("APPLIED", "SCREENING", "INTERVIEW", "OFFER", "HIRED")));
        Fixtures.own(alice, id).statusCode(200)
                .body("statusHistory.status", equalTo(List.of("SUBMITTED", "IN_REVIEW", "INTERVIEWING", "OFFERED", "HIRED")))
                .body("$", not(hasKey("history"))).body("$", not(hasKey("stage")));
        // HIRED is final
        for (Stage to : Stage.values()) {
            Fixtures.move(s.recruiter(), id, body(to)).statusCode(409);
        }
    }

    @Test
    void everyOpenStageMayBeRejectedWithAReasonThatTheCandidateNeverSees() {
        Setup s = Setup.create();
        for (Stage stage : List.of(Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER)) {
            String alice = Fixtures.newCandidate("alice");
            String id = Fixtures.apply(alice, s.posting());
            Stage current = Stage.APPLIED;
            while (current != stage) {
                current = current.next();
                Fixtures.move(s.recruiter(), id, "{\"to\":\"" + current + "\"}").statusCode(200);
            }
            Fixtures.move(s.recruiter(), id, "{\"to\":\"REJECTED\",\"reason\":\"POSITION_FILLED\",\"note\":\"internal only\"}")
                    .statusCode(200).body("stage", equalTo("REJECTED")).body("rejectReason", equalTo("POSITION_FILLED"))
                    .body("history[-1].reason", equalTo("POSITION_FILLED"));
            Fixtures.own(alice, id).statusCode(200)
                    .body("status", equalTo("NOT_SELECTED"))
                    .body(not(containsString("POSITION_FILLED"))).body(not(containsString("internal only")));
            given().auth().oauth2(alice).get("/v1/me/applications").then().statusCode(200)
                    .body(not(containsString("POSITION_FILLED"))).body(not(containsString("internal only")));
            // rejected is final, and withdrawing it too
            Fixtures.move(s.recruiter(), id, "{\"to\":\"SCREENING\"}").statusCode(409);
            given().auth().oauth2(alice).post("/v1/applications/" + id + "/withdraw").then().statusCode(409);
        }
    }

    @Test
    void illegalMovesAre409() {
        Setup s = Setup.create();
        for (Stage from : List.of(Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER)) {
            String id = s.applicationAt(from);
            for (Stage to : Stage.values()) {
                if (to == from.next() || to == Stage.REJECTED) {
                    continue;
                }
                // skipping, going back, staying, and WITHDRAWN (the candidate's decision only)
                Fixtures.move(s.recruiter(), id, body(to)).statusCode(409).contentType("application/problem+json")
                        .body("stage", equalTo(from.name()));
            }
            given().auth().oauth2(s.recruiter()).get("/v1/applications/" + id).then().body("stage", equalTo(from.name()));
        }
    }

    @Test
    void rejectionNeedsAReasonAndOnlyRejectionHasOne() {
        Setup s = Setup.create();
        String id = s.applicationAt(Stage.APPLIED);
        Fixtures.move(s.recruiter(), id, "{\"to\":\"REJECTED\"}").statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        Fixtures.move(s.recruiter(), id, "{\"to\":\"SCREENING\",\"reason\":\"OTHER\"}").statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        Fixtures.move(s.recruiter(), id, "{\"to\":\"REJECTED\",\"reason\":\"BORED\"}").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Fixtures.move(s.recruiter(), id, "{\"to\":\"PROMOTED\"}").statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Fixtures.move(s.recruiter(), id, "{}").statusCode(400).body("errors[0].field", equalTo("to"));
        for (String reason : List.of("NOT_QUALIFIED", "POSITION_FILLED", "CANDIDATE_DECLINED", "KNOCKOUT", "OTHER")) {
            String other = s.applicationAt(Stage.APPLIED);
            Fixtures.move(s.recruiter(), other, "{\"to\":\"REJECTED\",\"reason\":\"" + reason + "\"}").statusCode(200)
                    .body("rejectReason", equalTo(reason));
        }
    }

    @Test
    void ifMatchIsRequiredAndMustBeCurrent() {
        Setup s = Setup.create();
        String id = s.applicationAt(Stage.APPLIED);
        given().auth().oauth2(s.recruiter()).contentType(ContentType.JSON).body("{\"to\":\"SCREENING\"}")
                .post("/v1/applications/" + id + "/transitions").then().statusCode(428);
        String etag = given().auth().oauth2(s.recruiter()).get("/v1/applications/" + id).then().extract().header("ETag");
        given().auth().oauth2(s.recruiter()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"to\":\"SCREENING\"}").post("/v1/applications/" + id + "/transitions").then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
        // a second recruiter acting on what they read before: 412, nothing changes
        given().auth().oauth2(s.recruiter()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"to\":\"INTERVIEW\"}").post("/v1/applications/" + id + "/transitions").then().statusCode(412);
        given().auth().oauth2(s.recruiter()).get("/v1/applications/" + id).then().body("stage", equalTo("SCREENING"));
    }

    @Test
    void ifMatchComparesStronglyAWeakTagOfTheCurrentVersionIs412() {
        Setup s = Setup.create();
        String id = s.applicationAt(Stage.APPLIED);
        String etag = given().auth().oauth2(s.recruiter()).get("/v1/applications/" + id).then().extract().header("ETag");
        given().auth().oauth2(s.recruiter()).contentType(ContentType.JSON).header("If-Match", "W/" + etag)
                .body("{\"to\":\"SCREENING\"}").post("/v1/applications/" + id + "/transitions").then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412));
        given().auth().oauth2(s.recruiter()).get("/v1/applications/" + id).then().body("stage", equalTo("APPLIED"));
        given().auth().oauth2(s.recruiter()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"to\":\"SCREENING\"}").post("/v1/applications/" + id + "/transitions").then().statusCode(200)
                .body("stage", equalTo("SCREENING"));
    }

    @Test
    void theCandidateWithdrawsAnOpenApplicationOnce() {
        Setup s = Setup.create();
        String alice = Fixtures.newCandidate("alice");
        String id = Fixtures.apply(alice, s.posting());
        Fixtures.move(s.recruiter(), id, "{\"to\":\"SCREENING\"}").statusCode(200);
        given().auth().oauth2(alice).header("If-Match", "\"0\"").post("/v1/applications/" + id + "/withdraw").then()
                .statusCode(412);
        String etag = given().auth().oauth2(alice).post("/v1/applications/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("$", not(hasKey("stage"))).extract().header("ETag");
        // the candidate's own view says the same, at the same version
        Fixtures.own(alice, id).statusCode(200).header("ETag", equalTo(etag)).body("status", equalTo("WITHDRAWN"))
                .body("statusHistory.status", equalTo(List.of("SUBMITTED", "IN_REVIEW", "WITHDRAWN")));
        given().auth().oauth2(alice).post("/v1/applications/" + id + "/withdraw").then().statusCode(409);
        // nobody else withdraws it: another candidate gets 404, as for a missing id
        given().auth().oauth2(Fixtures.newCandidate("mallory")).post("/v1/applications/" + id + "/withdraw").then()
                .statusCode(404);
        Fixtures.move(s.recruiter(), id, "{\"to\":\"INTERVIEW\"}").statusCode(409);
        given().auth().oauth2(s.recruiter()).get("/v1/applications/" + id).then().statusCode(200)
                .body("stage", equalTo("WITHDRAWN")).body("rejectReason", nullValue())
                .body("history[-1].from", equalTo("SCREENING")).body("history[-1].to", equalTo("WITHDRAWN"))
                .body("history[-1].byRole", equalTo("CANDIDATE"));
    }

    @Test
    void theHistoryIsAppendOnlyInTheDatabase() {
        Setup s = Setup.create();
        String id = s.applicationAt(Stage.SCREENING);
        assertEquals(2, Db.count("select count(*) from application_transition where application_id = ?::uuid", id));
        assertThrows(IllegalStateException.class, () -> Db.value(
                "delete from application_transition where application_id = ?::uuid returning 1", id));
        assertThrows(IllegalStateException.class, () -> Db.value(
                "update application_transition set to_stage = 'HIRED' where application_id = ?::uuid returning 1", id));
        assertEquals(2, Db.count("select count(*) from application_transition where application_id = ?::uuid "
                + "and to_stage in ('APPLIED', 'SCREENING')", id));
    }

    private static String body(Stage to) {
        return to == Stage.REJECTED ? "{\"to\":\"REJECTED\",\"reason\":\"OTHER\"}" : "{\"to\":\"" + to + "\"}";
    }
}
