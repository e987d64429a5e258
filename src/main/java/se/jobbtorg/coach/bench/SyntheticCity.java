package se.jobbtorg.coach.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityFollowUp;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Actor;
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
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.BulkLoad;
import se.jobbtorg.coach.store.Database;

/**
 * The synthetic city of the bench: a whole city's caseloads over about ten years, generated from
 * a seed (the same seed and size give the same content; only the version stamps, which come from
 * the clock, differ). At 100,000 participants: 200 coaches in 5 Jobbtorg units, about 150,000
 * enrolments (half the people came back once), 600,000 activities in plans with versions,
 * 900,000 meetings, mapping entries with their history, every exit reason, the checks a month
 * after the exits. Everything is invented: names are combinations of common first and last
 * names, numbers have valid check digits (one in twelve a co-ordination number) and come from no
 * register. Written through the store's bulk load, so the file is the real encrypted database
 * with the change log an export needs.
 */
public final class SyntheticCity {
    private static final int UNITS = 5;
    private static final int COACHES_PER_100K = 200;

    static final String[] UNIT_NAMES = {
        "Jobbtorg Järva", "Jobbtorg Söderort", "Jobbtorg Västerort", "Jobbtorg Innerstaden", "Jobbtorg Östra"
    };
    static final String[] FIRST = {
        "Anna", "Ahmed", "Maria", "Mohamed", "Elin", "Johan", "Fatima", "Erik", "Sara", "Ali", "Karin", "Hassan",
        "Emma", "Mikael", "Amina", "Lars", "Leila", "Peter", "Sofia", "Yusuf", "Åsa", "Örjan", "Ängla", "Björn",
        "Zeynep", "Dragan", "Hodan", "Nils", "Ida", "José", "Åke", "Märta", "Göran", "Linnéa", "Jörgen", "Hanna",
        "Omar", "Mariam", "Abdi", "Nour", "Goran", "Ebba", "Östen", "Agnes", "Ilias", "Sölve", "Mirja", "Tove", "Ayan",
        "Khalid", "Rebecka", "Sven", "Märit", "Kerstin", "Yasmin", "Bengt", "Saga", "Ulla", "Rahel", "Dawit", "Håkan",
        "Måns"
    };
    static final String[] LAST = {
        "Andersson",
        "Johansson",
        "Karlsson",
        "Nilsson",
        "Eriksson",
        "Larsson",
        "Olsson",
        "Persson",
        "Svensson",
        "Gustafsson",
        "Hassan",
        "Ali",
        "Mohammed",
        "Yilmaz",
        "Nguyen",
        "Öberg",
        "Åkesson",
        "Ekström",
        "Lindqvist",
        "Östlund",
        "Ärlebrand",
        "Berg",
        "Bergman",
        "Haddad",
        "Petrović",
        "Warsame",
        "Lundgren",
        "Sandberg",
        "Jovanović",
        "Abdi",
        "Åberg",
        "Sjögren",
        "Löfgren",
        "Hägg",
        "Ström",
        "Björk",
        "Näslund",
        "Öhman",
        "Fält",
        "Källström",
        "Omar",
        "Tesfaye",
        "Kaya",
        "Demir",
        "Mäkinen",
        "Wallin",
        "Holmström",
        "Farah",
        "Ekelöf",
        "Dahlén",
        "Ståhl",
        "Mårtensson",
        "Pålsson",
        "Långström"
    };
    private static final String[] COACH_FIRST = {
        "Maja", "Karim", "Lotta", "Sami", "Jenny", "Reza", "Therese", "Anders", "Hiba", "Pär", "Åsa", "Jonas"
    };
    private static final String[] COACH_LAST = {
        "Lindberg", "Haddad", "Ek", "Rahimi", "Söderberg", "Nyström", "Åström", "Lund", "Mårtensson", "Wikström"
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
    private static final String[] SECRETARIES = {
        "Lena Holm",
        "Omar Farah",
        "Katarina Sjöberg",
        "Daniel Åström",
        "Nadia Rahimi",
        "Per Wiklund",
        "Märta Öst",
        "Jörgen Ängsö"
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
        "Café Kvarnen (socialt företag)",
        "Södertörns folkhögskola"
    };
    private static final String[] NOTES = {
        "Går bra på praktiken, vill prova längre dagar.", "Behöver stöd med svenskan i skrift.",
        "Har börjat söka jobb inom vård och omsorg.", "Återkommer efter läkarbesök nästa vecka.",
        "Önskar byta till kortare yrkesutbildning.", "Följer planen, nöjd med handledaren."
    };
    /** Every exit reason, weighted roughly as they occur: work and "referred back" are common. */
    private static final ExitReason[] EXITS = {
        ExitReason.UNSUBSIDISED_WORK,
        ExitReason.UNSUBSIDISED_WORK,
        ExitReason.UNSUBSIDISED_WORK,
        ExitReason.SUBSIDISED_WORK,
        ExitReason.SUBSIDISED_WORK,
        ExitReason.STUDIES,
        ExitReason.STUDIES,
        ExitReason.REFERRED_BACK,
        ExitReason.REFERRED_BACK,
        ExitReason.MOVED,
        ExitReason.FK_COMPENSATION,
        ExitReason.PARENTAL_LEAVE,
        ExitReason.AF_PROGRAMME,
        ExitReason.LIMIT_18_MONTHS,
        ExitReason.OTHER,
        ExitReason.UNKNOWN
    };

    private final Database db;
    private final long seed;
    private final LocalDate today;

    public SyntheticCity(Database db, long seed, LocalDate today) {
        this.db = db;
        this.seed = seed;
        this.today = today;
    }

    /** What was written. */
    public record Summary(
            int coaches,
            int participants,
            int enrolments,
            int plans,
            int activities,
            int mappingEntries,
            int meetings,
            int followUps,
            int exits,
            int exitChecks,
            int records,
            Times times) {}

    /**
     * Where the build's time went, in seconds: writing the rows (generating them included), then
     * deriving the search keys, making the indexes, the commit and the one checkpoint.
     */
    public record Times(double rows, double searchKeys, double indexes, double commit, double checkpoint) {}

    /** How many coaches a city of this many participants has: 200 at 100,000, at least one per unit. */
    public static int coachesFor(int participants) {
        return Math.max(UNITS, (int) Math.round((double) COACHES_PER_100K * participants / 100_000));
    }

    /**
     * Writes the city in one bulk load (see {@link BulkLoad#build}): coaches first, then the
     * participants one after the other, each with everything of theirs.
     */
    public Summary build(int participants) {
        Random random = new Random(seed);
        Counts counts = new Counts();
        List<Coach> coaches = new ArrayList<>();
        for (int i = 0; i < coachesFor(participants); i++) {
            String name =
                    COACH_FIRST[i % COACH_FIRST.length] + " " + COACH_LAST[(i / COACH_FIRST.length) % COACH_LAST.length]
                            + (i >= COACH_FIRST.length * COACH_LAST.length
                                    ? " " + (i / (COACH_FIRST.length * COACH_LAST.length) + 1)
                                    : "");
            coaches.add(new Coach(uuid(random), name, UNIT_NAMES[i % UNITS]));
        }
        counts.coaches = coaches.size();
        Set<String> numbers = new HashSet<>();
        BulkLoad.Built<Integer> built = BulkLoad.build(db, load -> {
            coaches.forEach(load::coach);
            for (int i = 0; i < participants; i++) {
                person(load, random, numbers, coaches, counts);
            }
            return load.records();
        });
        counts.records = built.result();
        return new Summary(
                counts.coaches,
                participants,
                counts.enrolments,
                counts.plans,
                counts.activities,
                counts.mapping,
                counts.meetings,
                counts.followUps,
                counts.exits,
                counts.checks,
                counts.records,
                new Times(built.rows(), built.searchKeys(), built.indexes(), built.commit(), built.checkpoint()));
    }

    private static final class Counts {
        int coaches;
        int enrolments;
        int plans;
        int activities;
        int mapping;
        int meetings;
        int followUps;
        int exits;
        int checks;
        int records;
    }

    private void person(BulkLoad load, Random random, Set<String> numbers, List<Coach> coaches, Counts counts) {
        PersonalIdentityNumber number;
        do {
            LocalDate born = today.minusYears(18 + random.nextInt(47)).minusDays(random.nextInt(365));
            number = PersonalIdentityNumber.of(born, random.nextInt(1000), random.nextInt(12) == 0);
        } while (!numbers.add(number.normalised()));
        String first = FIRST[random.nextInt(FIRST.length)];
        if (random.nextInt(10) == 0) {
            first = first + " " + FIRST[random.nextInt(FIRST.length)];
        }
        String last = LAST[random.nextInt(LAST.length)];
        if (random.nextInt(15) == 0) {
            last = last + "-" + LAST[random.nextInt(LAST.length)];
        }
        String phone = "07" + "0236".charAt(random.nextInt(4)) + "-" + (1_000_000 + random.nextInt(9_000_000));
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        Participant p = new Participant(
                uuid(random),
                number,
                first,
                last,
                phone,
                random.nextBoolean() ? "deltagare" + random.nextInt(1_000_000) + "@example.se" : null,
                district);
        load.participant(p);

        // The latest enrolment began some day in the last ten years; half the people came back
        // once after an earlier enrolment ended.
        LocalDate start = today.minusDays(random.nextInt(3650));
        Coach coach = coaches.get(random.nextInt(coaches.size()));
        if (random.nextBoolean()) {
            LocalDate earlierStart = start.minusDays(200 + random.nextInt(1300));
            LocalDate exit = earlierStart.plusDays(30 + random.nextInt(370));
            if (exit.isBefore(start)) {
                enrolment(load, random, p, coaches.get(random.nextInt(coaches.size())), earlierStart, exit, counts);
            }
        }
        boolean recent = ChronoUnit.DAYS.between(start, today) < 540;
        LocalDate exit = recent && random.nextInt(20) < 13 ? null : start.plusDays(20 + random.nextInt(520));
        if (exit != null && exit.isAfter(today)) {
            exit = today;
        }
        enrolment(load, random, p, coach, start, exit, counts);
    }

    private void enrolment(
            BulkLoad load, Random random, Participant p, Coach coach, LocalDate start, LocalDate exit, Counts counts) {
        TargetGroup[] groups = TargetGroup.values();
        Set<TargetGroup> chosen = EnumSet.of(groups[random.nextInt(groups.length)]);
        if (random.nextInt(3) == 0) {
            chosen.add(groups[random.nextInt(groups.length)]);
        }
        String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
        boolean interpreter = !language.equals("svenska") && random.nextInt(3) == 0;
        ExitReason reason = exit == null ? null : EXITS[random.nextInt(EXITS.length)];
        Enrolment e = new Enrolment(
                uuid(random),
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
        String note = reason == ExitReason.UNKNOWN ? "Har inte gått att nå sedan " + exit.minusDays(14) + "." : null;
        ExitCheck check = null;
        LocalDate checkedOn = null;
        if (exit != null && !exit.plusMonths(1).isAfter(today) && random.nextInt(4) != 0) {
            // Most exits were followed up a month later; work and studies mostly held.
            boolean held = reason == ExitReason.UNSUBSIDISED_WORK || reason == ExitReason.STUDIES
                    ? random.nextInt(5) != 0
                    : random.nextInt(6) == 0;
            check = random.nextInt(8) == 0
                    ? ExitCheck.NOT_REACHED
                    : held ? ExitCheck.IN_WORK_OR_STUDIES : ExitCheck.NOT_IN_WORK_OR_STUDIES;
            checkedOn = exit.plusMonths(1).plusDays(random.nextInt(10));
            if (checkedOn.isAfter(today)) {
                checkedOn = today;
            }
            counts.checks++;
        }
        load.enrolment(e, note, check, checkedOn);
        counts.enrolments++;
        if (exit != null) {
            counts.exits++;
        }
        work(load, random, e, counts);
    }

    /**
     * The work of an enrolment as a coach would have left it: mapping from the first days (some
     * areas first "in progress", then settled by a later entry), a plan drawn up in the first week
     * and approved (now and then late), reviewed every six months with a new version, activities
     * bounded in time and ended at the exit, follow-up meetings about monthly, and a meeting
     * planned ahead for many of the open ones.
     */
    private void work(BulkLoad load, Random random, Enrolment e, Counts counts) {
        LocalDate end = e.isOpen() ? today : e.exitedOn();
        long age = ChronoUnit.DAYS.between(e.enrolledOn(), end);
        MappingArea[] areas = MappingArea.values();
        for (int i = 0; i < areas.length; i++) {
            MappingStatus status = age > 20
                    ? (random.nextInt(4) == 0 ? MappingStatus.NOT_RELEVANT : MappingStatus.DONE)
                    : i < age / 3
                            ? MappingStatus.DONE
                            : i == age / 3 ? MappingStatus.IN_PROGRESS : MappingStatus.NOT_STARTED;
            if (status == MappingStatus.NOT_STARTED) {
                continue;
            }
            LocalDate date = e.enrolledOn().plusDays(Math.min(age, i));
            UUID supersedes = null;
            if (status.isSettled() && age > 20 && random.nextInt(3) == 0) {
                MappingEntry begun = new MappingEntry(
                        uuid(random),
                        e.id(),
                        areas[i],
                        MappingStatus.IN_PROGRESS,
                        "Påbörjad, fortsätter nästa möte.",
                        date,
                        Set.of(Actor.values()[random.nextInt(Actor.values().length)]),
                        null,
                        null);
                load.mapping(begun);
                counts.mapping++;
                supersedes = begun.id();
                date = min(date.plusDays(1 + random.nextInt(10)), end);
            }
            load.mapping(
                    new MappingEntry(uuid(random), e.id(), areas[i], status, null, date, Set.of(), null, supersedes));
            counts.mapping++;
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
        List<Activity> inForce = new ArrayList<>();
        while (true) {
            ActivityPlan plan = new ActivityPlan(
                    uuid(random),
                    e.id(),
                    version,
                    PlanGoal.values()[random.nextInt(10) == 0 ? 2 : random.nextInt(2)],
                    null,
                    from,
                    approved ? approvedOn : null,
                    approved ? SECRETARIES[random.nextInt(SECRETARIES.length)] : null,
                    version > 1);
            load.plan(plan);
            counts.plans++;
            inForce.clear();
            int count = 1 + random.nextInt(4);
            for (int a = 0; a < count; a++) {
                LocalDate start = from.plusDays(a * 14L + random.nextInt(5));
                if (start.isAfter(end)) {
                    start = end;
                }
                ActivityKind kind = ActivityKind.values()[random.nextInt(ActivityKind.values().length)];
                Activity activity = new Activity(
                        uuid(random),
                        plan.id(),
                        kind,
                        kind == ActivityKind.OTHER ? "Cykelkurs i Årsta" : null,
                        PROVIDERS[random.nextInt(PROVIDERS.length)],
                        null,
                        start,
                        start.plusDays(30 + random.nextInt(150)),
                        null);
                Activity stored = e.isOpen() ? activity : activity.endedOn(e.exitedOn());
                load.activity(stored);
                inForce.add(stored);
                counts.activities++;
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
        for (LocalDate m = drawnUp.plusDays(7 + random.nextInt(20));
                !m.isAfter(end);
                m = m.plusDays(25 + random.nextInt(30))) {
            MeetingOutcome outcome = random.nextInt(9) == 0 ? MeetingOutcome.NOT_ATTENDED : MeetingOutcome.ATTENDED;
            boolean explainsDuty = !dutyExplained && outcome == MeetingOutcome.ATTENDED;
            dutyExplained |= explainsDuty;
            Meeting meeting = new Meeting(
                    uuid(random),
                    e.id(),
                    null,
                    m.atTime(9 + random.nextInt(7), 0),
                    MeetingKind.values()[random.nextInt(10) < 7 ? 0 : random.nextInt(4)],
                    null,
                    outcome,
                    null,
                    random.nextInt(5) == 0,
                    outcome == MeetingOutcome.ATTENDED ? NOTES[random.nextInt(NOTES.length)] : null,
                    null,
                    explainsDuty ? m : null,
                    outcome == MeetingOutcome.NOT_ATTENDED ? m : null);
            load.meeting(meeting);
            counts.meetings++;
            if (outcome == MeetingOutcome.ATTENDED && random.nextInt(4) == 0) {
                LocalDate day = m;
                for (Activity a : inForce) {
                    if (a.isRunning(day)) {
                        load.followUp(new ActivityFollowUp(
                                uuid(random), meeting.id(), a.id(), NOTES[random.nextInt(NOTES.length)]));
                        counts.followUps++;
                        break;
                    }
                }
            }
        }
        if (e.isOpen() && random.nextBoolean()) {
            load.meeting(new Meeting(
                    uuid(random),
                    e.id(),
                    null,
                    today.plusDays(random.nextInt(14)).atTime(10 + random.nextInt(5), 30),
                    MeetingKind.DESK,
                    null,
                    MeetingOutcome.PLANNED,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null));
            counts.meetings++;
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    /** A random (version 4) UUID drawn from the seeded generator, so ids repeat with the seed. */
    private static UUID uuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
