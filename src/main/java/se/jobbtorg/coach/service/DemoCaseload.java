package se.jobbtorg.coach.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.DeadlineRules;
import se.jobbtorg.coach.domain.Districts;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.CoachRepository;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EnrolmentRepository;
import se.jobbtorg.coach.store.ParticipantRepository;
import se.jobbtorg.coach.store.Transaction;
import se.jobbtorg.coach.store.WorkflowRepository;

/**
 * A realistic, invented caseload for a newcomer to look at: generated from a seed, so the same
 * seed always gives the same people. Names are combinations of common names; the numbers are
 * generated with valid check digits, taken from no register.
 */
public final class DemoCaseload {
    /** What a coach writes after a meeting, in the coach's own words (invented). */
    private static final String[] NOTES = {
        "Praktiken går bra; vill prova längre dagar.",
        "Sover dåligt, ska kontakta vårdcentralen.",
        "Fyra ansökningar till lager; truckkort i CV:t.",
        "Redo för SFI kurs C, gärna med praktik.",
        "Missnöjd med anordnaren; jag ringer handledaren.",
        "Följer planen och trivs."
    };
    /** The next steps agreed at a meeting (invented). */
    private static final String[] NEXT_STEPS = {
        "Coachen ringer handledaren före nästa möte.",
        "Aspiranten bokar tid på vårdcentralen och berättar vid nästa möte.",
        "Söka minst tre jobb till nästa möte.",
        "Anmäla intresse för SFI kurs C senast fredag."
    };

    private static final String[] FIRST = {
        "Anna", "Ahmed", "Maria", "Mohamed", "Elin", "Johan", "Fatima", "Erik", "Sara", "Ali",
        "Karin", "Hassan", "Emma", "Mikael", "Amina", "Lars", "Leila", "Peter", "Sofia", "Yusuf",
        "Åsa", "Örjan", "Ängla", "Björn", "Zeynep", "Dragan", "Hodan", "Nils", "Ida", "José"
    };
    private static final String[] LAST = {
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
        "Svensson", "Gustafsson", "Hassan", "Ali", "Mohammed", "Yilmaz", "Nguyen", "Öberg",
        "Åkesson", "Ekström", "Lindqvist", "Östlund", "Ärlebrand", "Berg", "Bergman", "Haddad",
        "Petrović", "Warsame", "Lundgren", "Sandberg", "Jovanović", "Abdi"
    };
    private static final String[] DISTRICTS = Districts.STOCKHOLM.toArray(new String[0]);
    private static final String[] LANGUAGES = {
        "svenska",
        "svenska",
        "svenska",
        "arabiska",
        "somaliska",
        "tigrinja",
        "dari",
        "persiska",
        "turkiska",
        "engelska",
        "bosniska",
        "spanska"
    };
    /** Where outreach meets people: public places. */
    private static final String[] PLACES = {"Stadsbiblioteket, Sveavägen 73", "Kafé vid Medborgarplatsen"};
    /** Where home visits go: invented streets. */
    private static final String[] HOMES = {"Exempelvägen 12, lgh 1102", "Påhittade gränd 4"};

    private static final String[] SECRETARIES = {
        "Lena Holm", "Omar Farah", "Katarina Sjöberg", "Daniel Åström", "Nadia Rahimi", "Per Wiklund"
    };
    private static final String[] PROVIDERS = {
        "Jobbtorg Kista",
        "Komvux Rinkeby",
        "Stadsmissionen",
        "Arbetsförmedlingen",
        "Lernia",
        "Hermods",
        "Stockholms stad, Stockholmsjobb",
        "Samhall",
        "Café Kvarnen (socialt företag)"
    };
    private static final ExitReason[] EXITS = {
        ExitReason.UNSUBSIDISED_WORK,
        ExitReason.SUBSIDISED_WORK,
        ExitReason.STUDIES,
        ExitReason.REFERRED_BACK,
        ExitReason.MOVED,
        ExitReason.UNKNOWN,
        ExitReason.FK_COMPENSATION,
        ExitReason.PARENTAL_LEAVE,
        ExitReason.OTHER
    };

    private final Database db;
    private final Clock clock;

    public DemoCaseload(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Summary(int coaches, int participants, int enrolments) {}

    /**
     * Adds people to the database: most of them in the current coach's caseload, some with
     * earlier, ended enrolments (they came back), a few with colleagues.
     */
    public Summary populate(long seed, int participantCount, Coach me) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(clock);
        List<Coach> coaches = new ArrayList<>(List.of(
                me,
                new Coach(UUID.randomUUID(), "Maja Lindberg", me.unit()),
                new Coach(UUID.randomUUID(), "Karim Haddad", me.unit())));
        var coachRepo = new CoachRepository(db);
        var participantRepo = new ParticipantRepository(db);
        var enrolmentRepo = new EnrolmentRepository(db);
        var workRepo = new WorkflowRepository(db);
        int[] enrolmentCount = {0};
        db.write(tx -> {
            coaches.stream().skip(1).forEach(c -> coachRepo.save(tx, c));
            for (int i = 0; i < participantCount; i++) {
                Participant p = person(random, today, i);
                participantRepo.save(tx, p);
                for (Enrolment e : enrolments(random, today, p, coaches)) {
                    enrolmentRepo.save(tx, e);
                    work(tx, workRepo, random, today, e);
                    enrolmentCount[0]++;
                }
            }
            return null;
        });
        return new Summary(coaches.size(), participantCount, enrolmentCount[0]);
    }

    private static Participant person(Random random, LocalDate today, int index) {
        LocalDate born = today.minusYears(18 + random.nextInt(45)).minusDays(random.nextInt(365));
        boolean coordination = random.nextInt(12) == 0;
        // index in the birth number keeps numbers unique within one demo set
        var number = PersonalIdentityNumber.of(born, (index * 7 + random.nextInt(7)) % 1000, coordination);
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String phone = "07" + "0236".charAt(random.nextInt(4)) + "-" + (1_000_000 + random.nextInt(9_000_000));
        String email = random.nextBoolean() ? ascii(first) + "." + ascii(last) + "@example.se" : null;
        return new Participant(
                UUID.randomUUID(), number, first, last, phone, email, DISTRICTS[random.nextInt(DISTRICTS.length)]);
    }

    private static List<Enrolment> enrolments(Random random, LocalDate today, Participant p, List<Coach> coaches) {
        List<Enrolment> list = new ArrayList<>();
        // About one in four came back after an earlier enrolment ended.
        LocalDate start = today.minusDays(random.nextInt(540));
        if (random.nextInt(4) == 0) {
            LocalDate earlierStart = start.minusDays(200 + random.nextInt(500));
            LocalDate exit = earlierStart.plusDays(30 + random.nextInt(150));
            if (exit.isBefore(start)) {
                list.add(enrolment(
                        random,
                        p,
                        coaches.get(random.nextInt(coaches.size())),
                        earlierStart,
                        exit,
                        EXITS[random.nextInt(EXITS.length)]));
            }
        }
        Coach coach = random.nextInt(5) < 3 ? coaches.get(0) : coaches.get(1 + random.nextInt(coaches.size() - 1));
        boolean exited = random.nextInt(6) == 0 && start.isBefore(today.minusDays(40));
        list.add(enrolment(
                random,
                p,
                coach,
                start,
                exited ? start.plusDays(20 + random.nextInt(20)) : null,
                exited ? EXITS[random.nextInt(EXITS.length)] : null));
        return list;
    }

    /**
     * The work of an enrolment as a coach would have left it: mapping begun on the first day, a
     * plan approved within the first week (now and then late), activities bounded in time,
     * monthly follow-ups, a review after six months. The newest enrolments have no plan yet.
     */
    private static void work(Transaction tx, WorkflowRepository repo, Random random, LocalDate today, Enrolment e) {
        LocalDate end = e.isOpen() ? today : e.exitedOn();
        if (!e.isOpen() && !e.exitedOn().plusMonths(1).isAfter(today) && random.nextInt(4) != 0) {
            // Most exits were followed up a month later; work and studies mostly held.
            boolean held = e.exitReason() == ExitReason.UNSUBSIDISED_WORK || e.exitReason() == ExitReason.STUDIES
                    ? random.nextInt(5) != 0
                    : random.nextInt(6) == 0;
            repo.checkExit(
                    tx,
                    e.id(),
                    random.nextInt(8) == 0
                            ? ExitCheck.NOT_REACHED
                            : held ? ExitCheck.IN_WORK_OR_STUDIES : ExitCheck.NOT_IN_WORK_OR_STUDIES,
                    e.exitedOn().plusMonths(1));
        }
        MappingArea[] areas = MappingArea.values();
        for (int i = 0; i < areas.length; i++) {
            long age = ChronoUnit.DAYS.between(e.enrolledOn(), end);
            MappingStatus status = age > 20
                    ? (random.nextInt(4) == 0 ? MappingStatus.NOT_RELEVANT : MappingStatus.DONE)
                    : i < age / 3
                            ? MappingStatus.DONE
                            : i == age / 3 ? MappingStatus.IN_PROGRESS : MappingStatus.NOT_STARTED;
            if (status != MappingStatus.NOT_STARTED) {
                repo.add(
                        tx,
                        new MappingEntry(
                                UUID.randomUUID(),
                                e.id(),
                                areas[i],
                                status,
                                null,
                                e.enrolledOn().plusDays(Math.min(age, i)),
                                Set.of(),
                                null,
                                null));
            }
        }
        LocalDate drawnUp =
                e.enrolledOn().plusDays(random.nextInt(8) == 0 ? 6 + random.nextInt(5) : 1 + random.nextInt(4));
        if (drawnUp.isAfter(end)) {
            return;
        }
        LocalDate approvedOn = drawnUp.plusDays(random.nextInt(3));
        boolean approved = !approvedOn.isAfter(end) && random.nextInt(15) != 0;
        int version = 1;
        LocalDate from = drawnUp;
        while (true) {
            ActivityPlan plan = new ActivityPlan(
                    UUID.randomUUID(),
                    e.id(),
                    version,
                    PlanGoal.values()[random.nextInt(10) == 0 ? 2 : random.nextInt(2)],
                    null,
                    from,
                    approved ? approvedOn : null,
                    approved ? SECRETARIES[random.nextInt(SECRETARIES.length)] : null,
                    version > 1);
            repo.save(tx, plan);
            int count = 1 + random.nextInt(3);
            for (int a = 0; a < count; a++) {
                LocalDate start = from.plusDays(a * 14L + random.nextInt(5));
                Activity activity = new Activity(
                        UUID.randomUUID(),
                        plan.id(),
                        ActivityKind.values()[random.nextInt(ActivityKind.values().length - 1)],
                        null,
                        PROVIDERS[random.nextInt(PROVIDERS.length)],
                        null,
                        start,
                        start.plusDays(30 + random.nextInt(150)),
                        null);
                repo.save(tx, e.isOpen() ? activity : activity.endedOn(e.exitedOn()));
            }
            LocalDate review = DeadlineRules.reviewDue(approvedOn);
            if (!approved || review.isAfter(end) || random.nextInt(5) == 0) {
                break;
            }
            version++;
            from = review.minusDays(random.nextInt(10));
            approvedOn = from.plusDays(random.nextInt(4));
            approved = !approvedOn.isAfter(end);
        }
        // The duty to take part is explained at the first meeting the person comes to.
        boolean dutyExplained = false;
        int held = 0;
        for (LocalDate m = drawnUp.plusDays(7 + random.nextInt(20));
                m.isBefore(end.plusDays(1));
                m = m.plusDays(20 + random.nextInt(25))) {
            MeetingOutcome outcome = random.nextInt(9) == 0 ? MeetingOutcome.NOT_ATTENDED : MeetingOutcome.ATTENDED;
            boolean explainsDuty = !dutyExplained && outcome == MeetingOutcome.ATTENDED;
            dutyExplained |= explainsDuty;
            boolean attended = outcome == MeetingOutcome.ATTENDED;
            String notes = attended ? NOTES[(held + e.enrolledOn().getDayOfMonth()) % NOTES.length] : null;
            String next = attended ? NEXT_STEPS[(held++ + e.enrolledOn().getDayOfYear()) % NEXT_STEPS.length] : null;
            LocalDateTime at = m.atTime(9 + random.nextInt(7), 0);
            MeetingKind kind = MeetingKind.values()[random.nextInt(10) < 7 ? 0 : random.nextInt(4)];
            repo.add(
                    tx,
                    new Meeting(
                            UUID.randomUUID(),
                            e.id(),
                            null,
                            at,
                            kind,
                            place(kind, held + m.getDayOfMonth()),
                            outcome,
                            null,
                            random.nextInt(5) == 0,
                            notes,
                            next,
                            explainsDuty ? m : null,
                            outcome == MeetingOutcome.NOT_ATTENDED ? m : null));
        }
        if (e.isOpen() && random.nextInt(3) == 0) {
            // Every fourth a visit somewhere: the calendar file then carries its place.
            boolean visit = e.enrolledOn().getDayOfMonth() % 4 == 0;
            repo.add(
                    tx,
                    new Meeting(
                            UUID.randomUUID(),
                            e.id(),
                            null,
                            today.plusDays(random.nextInt(10)).atTime(10 + random.nextInt(5), 30),
                            visit ? MeetingKind.OUTREACH : MeetingKind.DESK,
                            visit ? place(MeetingKind.OUTREACH, e.enrolledOn().getDayOfYear()) : null,
                            MeetingOutcome.PLANNED,
                            null,
                            false,
                            null,
                            null,
                            null,
                            null));
        }
    }

    /** A visit's place, picked by the number given; none for a meeting that is not a visit. */
    private static String place(MeetingKind kind, int pick) {
        return switch (kind) {
            case OUTREACH -> PLACES[pick % PLACES.length];
            case HOME_VISIT -> HOMES[pick % HOMES.length];
            default -> null;
        };
    }

    private static Enrolment enrolment(
            Random random, Participant p, Coach coach, LocalDate start, LocalDate exit, ExitReason reason) {
        TargetGroup[] groups = TargetGroup.values();
        Set<TargetGroup> chosen = EnumSet.of(groups[random.nextInt(groups.length)]);
        if (random.nextInt(3) == 0) {
            chosen.add(groups[random.nextInt(groups.length)]);
        }
        String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
        boolean interpreter = !language.equals("svenska") && random.nextInt(3) == 0;
        return new Enrolment(
                UUID.randomUUID(),
                p.id(),
                coach.id(),
                start,
                "Försörjningsstöd " + p.homeDistrict(),
                SECRETARIES[random.nextInt(SECRETARIES.length)],
                chosen,
                language,
                interpreter,
                exit,
                reason);
    }

    private static String ascii(String name) {
        return SwedishText.fold(name)
                .replace('å', 'a')
                .replace('ä', 'a')
                .replace('ö', 'o')
                .replaceAll("[^a-z]", "");
    }
}
