package se.jobbtorg.coach.ui.workflow;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.JobbtorgUnits;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.AuditService;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;
import se.jobbtorg.coach.ui.common.TaskRunner;
import se.jobbtorg.coach.ui.common.UiServices;

/**
 * One enrolment on a real, encrypted database, and its work page's model, by default on the
 * same-thread runner: what a form shows right after a call is what the coach would see once the
 * work is done.
 */
final class WorkFixture implements AutoCloseable {
    static final I18n EN = new I18n(Locale.ENGLISH);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:30:00Z"));
    final Database db;
    final WorkflowService workflow;
    final CaseloadService caseload;
    final TaskRunner tasks;
    /** What would reach the error dialog (loads, and the like): a form's own failures stay on it. */
    final List<Throwable> dialogErrors = new ArrayList<>();

    final Enrolment enrolment;
    final UiServices services;
    final WorkViewModel model;
    int changes;

    WorkFixture(Path dir) {
        this(dir, new SameThreadTaskRunner());
    }

    WorkFixture(Path dir, TaskRunner tasks) {
        this.tasks = tasks;
        db = Database.open(dir.resolve("work.db"), clock, TestPassphrase.get());
        workflow = new WorkflowService(db, clock);
        caseload = new CaseloadService(db, clock);
        // The city's unit list, with an (invented) address for the user's unit.
        CoachService coaches = new CoachService(
                db,
                new JobbtorgUnits(List.of(new JobbtorgUnits.Unit("Jobbtorg Kista", "Exempelgatan 1, 164 40 Kista"))));
        Coach me = coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        Participant amina = caseload.register(new ParticipantDraft(
                PersonalIdentityNumber.of(LocalDate.of(1990, 9, 17), 388, false).display(),
                "Amina",
                "Yilmaz",
                null,
                null,
                null));
        enrolment = caseload.enrol(new EnrolmentDraft(
                amina.id(),
                me.id(),
                TODAY.minusDays(20),
                "Försörjningsstöd Rinkeby-Kista",
                "Omar Farah",
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false));
        services =
                new UiServices(caseload, coaches, workflow, null, null, null, new AuditService(db, clock), null, tasks);
        model = new WorkViewModel(services, EN, dialogErrors::add, enrolment.id());
        model.setOnChange(() -> changes++);
        model.load();
    }

    WorkflowService.EnrolmentWork stored() {
        return workflow.work(enrolment.id());
    }

    /** The database goes away under the page: every later read and write fails in the store. */
    void breakTheStore() {
        db.close();
    }

    @Override
    public void close() {
        db.close();
    }
}
