package se.jobbtorg.coach.store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.WorkflowService;

/**
 * A small caseload of invented people written through the services as a coach would (register,
 * enrol, plan, meetings with notes), and every text of it that must never lie readable on disk.
 * The numbers are generated with valid check digits, taken from no register.
 */
final class KnownPeople {
    /** An invented person and the phrase in the notes about them. */
    record Person(String first, String last, PersonalIdentityNumber number, String phone, String note) {}

    static final List<Person> PEOPLE = List.of(
            new Person(
                    "Märit",
                    "Öhrnström",
                    PersonalIdentityNumber.of(LocalDate.of(1987, 2, 14), 312, false),
                    "070-9183746",
                    "Vill jobba på Ståhlgrens bageri i Hägersten"),
            new Person(
                    "Göran",
                    "Älvängen",
                    PersonalIdentityNumber.of(LocalDate.of(1979, 11, 3), 507, false),
                    "073-6051928",
                    "Har ont i ryggen efter flytten till Bagarmossen"),
            new Person(
                    "Åsa-Lovisa",
                    "Kvarnbäck",
                    PersonalIdentityNumber.of(LocalDate.of(1996, 7, 21), 846, true),
                    "076-2749031",
                    "Dottern börjar förskola på Snösätragränd i januari"));

    private KnownPeople() {}

    /** Writes the caseload; returns what was registered. */
    static List<Participant> write(Database db, Clock clock) {
        CaseloadService caseload = new CaseloadService(db, clock);
        WorkflowService workflow = new WorkflowService(db, clock);
        Coach me = new CoachService(db).setCurrentCoach("Linnea Ekblad", "Jobbtorg Skärholmen");
        LocalDate today = LocalDate.now(clock);
        List<Participant> registered = new ArrayList<>();
        for (Person p : PEOPLE) {
            Participant participant = caseload.register(
                    new ParticipantDraft(p.number().display(), p.first(), p.last(), p.phone(), null, "Skärholmen"));
            Enrolment enrolment = caseload.enrol(new EnrolmentDraft(
                    participant.id(),
                    me.id(),
                    today.minusDays(20),
                    "Försörjningsstöd Skärholmen",
                    "Katarina Sjöberg",
                    EnumSet.of(TargetGroup.UNEMPLOYED),
                    "svenska",
                    false));
            ActivityPlan plan = workflow.draft(enrolment.id(), false);
            workflow.describe(plan.id(), PlanGoal.WORK, p.note());
            Activity activity = workflow.addActivity(
                    plan.id(),
                    new ActivityDraft(
                            ActivityKind.WORK_TRAINING,
                            null,
                            "Stadsmissionen",
                            "Arbetsträning för " + p.first(),
                            today.minusDays(10),
                            today.plusMonths(3)));
            workflow.recordMeeting(
                    new MeetingDraft(
                            enrolment.id(),
                            null,
                            today.atTime(8, 30),
                            MeetingKind.DESK,
                            null,
                            MeetingOutcome.ATTENDED,
                            p.first() + " " + p.last(),
                            false,
                            p.note(),
                            "Ring " + p.first() + " på " + p.phone(),
                            today,
                            null),
                    Map.of(activity.id(), p.note() + " (uppföljning)"));
            registered.add(participant);
        }
        return registered;
    }

    /**
     * Every text that identifies the people: names as typed and as folded for search, the full
     * name, each number form (12 digits, 10 digits with and without '-', yyyymmdd-nnnn), phones
     * (with and without the dash) and the phrases of the notes.
     */
    static List<String> secrets() {
        List<String> texts = new ArrayList<>();
        for (Person p : PEOPLE) {
            String twelve = p.number().normalised();
            texts.add(p.first());
            texts.add(p.last());
            texts.add(SwedishText.fold(p.first()));
            texts.add(SwedishText.fold(p.last()));
            texts.add(p.first() + " " + p.last());
            texts.add(twelve);
            texts.add(twelve.substring(2));
            texts.add(twelve.substring(2, 8) + "-" + twelve.substring(8));
            texts.add(twelve.substring(0, 8) + "-" + twelve.substring(8));
            texts.add(p.number().display());
            texts.add(p.phone());
            texts.add(p.phone().replace("-", ""));
            texts.add(p.note());
        }
        return texts.stream().distinct().toList();
    }

    /** The names alone: what the control grep on a plain file must find. */
    static List<String> names() {
        return PEOPLE.stream().flatMap(p -> Stream.of(p.first(), p.last())).toList();
    }
}
