package org.jobboard.applications.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.ApplicationTransition;
import org.jobboard.applications.domain.CandidateStatus;
import org.jobboard.applications.domain.Resume;
import org.jobboard.applications.rest.CandidateApplicationView;
import org.jobboard.applications.rest.PersonalDataExport;
import org.jobboard.applications.rest.RecruiterApplicationView;
import org.jobboard.applications.rest.ResumeView;

import java.util.ArrayList;
import java.util.List;

/**
 * The two ways of seeing an application. What a candidate sees is decided here once: candidate statuses only, and
 * never reject reasons, notes, who moved the application, or the recruiters' extracted text.
 */
@ApplicationScoped
public class ApplicationMapper {

    public static String resumeHref(Application a) {
        return "/v1/applications/" + a.id + "/resume";
    }

    /** @param history null in lists */
    public CandidateApplicationView candidateView(Application a, String postingTitle, Resume resume,
            List<ApplicationTransition> history) {
        return new CandidateApplicationView(a.id.toString(), a.postingId.toString(), postingTitle,
                a.stage.candidateStatus(), a.name, a.email, a.phone, a.answers, a.coverLetter,
                resume == null ? null : new ResumeView(resume.mediaType, resume.sizeBytes, resumeHref(a), null, null),
                history == null ? null : statusHistory(history), a.version, a.createdAt, a.updatedAt);
    }

    /** @param history null in lists; the single view adds it and the resume's text (once extracted) */
    public RecruiterApplicationView recruiterView(Application a, String postingTitle, Resume resume,
            List<ApplicationTransition> history) {
        boolean single = history != null;
        ResumeView resumeView = resume == null ? null : new ResumeView(resume.mediaType, resume.sizeBytes,
                resumeHref(a), resume.extractionStatus, single ? resume.extractedText : null);
        List<RecruiterApplicationView.HistoryEntry> entries = single ? history.stream()
                .map(t -> new RecruiterApplicationView.HistoryEntry(t.fromStage, t.toStage, t.reason, t.note,
                        t.actorRole, t.actorSubject, t.occurredAt))
                .toList() : null;
        return new RecruiterApplicationView(a.id.toString(), a.postingId.toString(), postingTitle, a.stage,
                a.rejectReason,
                a.erased, a.name, a.email, a.phone, a.answers, a.coverLetter, a.source, resumeView, entries,
                a.version, a.createdAt, a.updatedAt);
    }

    public PersonalDataExport.ExportedApplication exported(Application a, String postingTitle, Resume resume,
            List<ApplicationTransition> history) {
        return new PersonalDataExport.ExportedApplication(a.id.toString(), a.postingId.toString(), postingTitle,
                a.stage.candidateStatus(), a.name, a.email, a.phone, a.answers, a.coverLetter, a.consent, a.source,
                resume == null ? null : new ResumeView(resume.mediaType, resume.sizeBytes, resumeHref(a),
                        resume.extractionStatus, resume.extractedText),
                statusHistory(history), a.createdAt, a.updatedAt);
    }

    /** Stage changes in candidate terms; moves the candidate cannot tell apart collapse into one. */
    static List<CandidateApplicationView.StatusChange> statusHistory(List<ApplicationTransition> history) {
        List<CandidateApplicationView.StatusChange> changes = new ArrayList<>();
        CandidateStatus last = null;
        for (ApplicationTransition t : history) {
            CandidateStatus status = t.toStage.candidateStatus();
            if (status != last) {
                changes.add(new CandidateApplicationView.StatusChange(status, t.occurredAt));
                last = status;
            }
        }
        return changes;
    }
}
