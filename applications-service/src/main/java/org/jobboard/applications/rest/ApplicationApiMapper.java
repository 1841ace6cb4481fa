package org.jobboard.applications.rest;

import org.jobboard.applications.api.ApplyRequest;
import org.jobboard.applications.api.CandidateApplicationView;
import org.jobboard.applications.api.PersonalDataExport;
import org.jobboard.applications.api.RecruiterApplicationView;
import org.jobboard.applications.api.ResumeView;
import org.jobboard.applications.api.TransitionRequest;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.mapping.CandidateTimeline;
import org.jobboard.applications.service.ApplicationDetails;
import org.jobboard.applications.service.ApplicationSubmission;
import org.jobboard.applications.service.PersonalData;
import org.jobboard.applications.service.StageMove;
import org.jobboard.platform.paging.Page;

import java.util.List;

/**
 * The two ways of seeing an application, and the export. What a candidate sees is decided here and in
 * {@link CandidateTimeline}: candidate statuses only, never reject reasons, notes, who moved the application, or
 * the recruiters' extracted text.
 */
final class ApplicationApiMapper {
    static final String SERVICE = "applications-service";

    private ApplicationApiMapper() {
    }

    /** A validated apply request as the service takes it. */
    static ApplicationSubmission submission(ApplyRequest request) {
        ApplyRequest.Source source = request.source();
        return new ApplicationSubmission(request.postingId(), request.name(), request.email(), request.phone(),
                request.answers(), request.coverLetter(), request.consent().privacyPolicyVersion(),
                Boolean.TRUE.equals(request.consent().marketing()),
                source == null ? null : new ApplicationSubmission.Attribution(source.referrer(), source.utmSource(),
                        source.utmMedium(), source.utmCampaign(), source.utmTerm(), source.utmContent()));
    }

    static StageMove move(TransitionRequest request) {
        return new StageMove(request.to(), request.reason(), request.note());
    }

    /** The file, for its candidate and its organization's recruiters alike. */
    static String resumeHref(Application a) {
        return "/v1/applications/" + a.id + "/resume";
    }

    /** Where a candidate reads their application (the candidate view). */
    static String candidateHref(String id) {
        return "/v1/me/applications/" + id;
    }

    static Page<CandidateApplicationView> candidatePage(Page<ApplicationDetails> page) {
        return new Page<>(page.items().stream().map(ApplicationApiMapper::candidateView).toList(), page.nextCursor());
    }

    static Page<RecruiterApplicationView> recruiterPage(Page<ApplicationDetails> page) {
        return new Page<>(page.items().stream().map(ApplicationApiMapper::recruiterView).toList(), page.nextCursor());
    }

    /** Without a history (lists), the view has no status history either. */
    static CandidateApplicationView candidateView(ApplicationDetails details) {
        Application a = details.application();
        ApplicationDetails.ResumeFacts resume = details.resume();
        return new CandidateApplicationView(a.id.toString(), a.postingId.toString(), details.postingTitle(),
                a.stage.candidateStatus(), a.name, a.email, a.phone, a.answers, a.coverLetter,
                resume == null ? null : new ResumeView(resume.mediaType(), resume.sizeBytes(), resumeHref(a), null, null),
                details.history() == null ? null : statusHistory(details), a.version, a.createdAt, a.updatedAt);
    }

    /** The single view (with a history) adds the history and the resume's text (once extracted); lists leave both out. */
    static RecruiterApplicationView recruiterView(ApplicationDetails details) {
        Application a = details.application();
        ApplicationDetails.ResumeFacts resume = details.resume();
        boolean single = details.history() != null;
        ResumeView resumeView = resume == null ? null : new ResumeView(resume.mediaType(), resume.sizeBytes(),
                resumeHref(a), resume.extractionStatus(), single ? resume.text() : null);
        List<RecruiterApplicationView.HistoryEntry> entries = single ? details.history().stream()
                .map(t -> new RecruiterApplicationView.HistoryEntry(t.fromStage, t.toStage, t.reason, t.note,
                        t.actorRole, t.actorSubject, t.occurredAt))
                .toList() : null;
        return new RecruiterApplicationView(a.id.toString(), a.postingId.toString(), details.postingTitle(), a.stage,
                a.rejectReason, a.erased, a.name, a.email, a.phone, a.answers, a.coverLetter, a.source, resumeView,
                entries, a.version, a.createdAt, a.updatedAt);
    }

    static PersonalDataExport export(PersonalData data) {
        return new PersonalDataExport(data.subject(), data.exportedAt(), SERVICE,
                data.applications().stream().map(ApplicationApiMapper::exported).toList());
    }

    private static PersonalDataExport.ExportedApplication exported(ApplicationDetails details) {
        Application a = details.application();
        ApplicationDetails.ResumeFacts resume = details.resume();
        return new PersonalDataExport.ExportedApplication(a.id.toString(), a.postingId.toString(),
                details.postingTitle(), a.stage.candidateStatus(), a.name, a.email, a.phone, a.answers, a.coverLetter,
                a.consent, a.source,
                resume == null ? null : new ResumeView(resume.mediaType(), resume.sizeBytes(), resumeHref(a),
                        resume.extractionStatus(), resume.text()),
                statusHistory(details), a.createdAt, a.updatedAt);
    }

    private static List<CandidateApplicationView.StatusChange> statusHistory(ApplicationDetails details) {
        return CandidateTimeline.of(details.history()).stream()
                .map(change -> new CandidateApplicationView.StatusChange(change.status(), change.at())).toList();
    }
}
