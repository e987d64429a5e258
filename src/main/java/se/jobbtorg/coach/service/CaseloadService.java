package se.jobbtorg.coach.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.EnrolmentStatus;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.Reminders;
import se.jobbtorg.coach.store.AuditTrail;
import se.jobbtorg.coach.store.CaseloadQueries;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.EnrolmentRepository;
import se.jobbtorg.coach.store.ParticipantRepository;

/** Registering, enrolling and finding participants. Each change is one transaction. */
public final class CaseloadService {
    private static final Logger LOG = Logger.getLogger(CaseloadService.class.getName());

    /** How many rows the whole-database view shows before it asks the user to search. */
    public static final int LIST_LIMIT = 500;

    /**
     * How many people a search shows. Each row is read with its enrolment at a glance (its
     * plans, activities and meetings), on every key typed; a search that finds more than a page
     * has not found anyone yet, and the list asks for more of the name or the number instead.
     */
    public static final int SEARCH_LIMIT = 100;

    /** The most rows {@link #caseload} and {@link #enrolledWith} give for these search words. */
    public static int limitFor(String query) {
        return query == null || query.isBlank() ? LIST_LIMIT : SEARCH_LIMIT;
    }

    private final Database db;
    private final Clock clock;
    private final ParticipantRepository participants;
    private final EnrolmentRepository enrolments;
    private final CaseloadQueries queries;
    private final WorkflowService workflow;

    /**
     * Each enrolment's glance as last computed, while the file is unchanged and the day the
     * same: search as you type reads the same people again at every key, and the list its
     * coach's people at every return to it. Cleared by any commit ({@link Database#dataVersion}).
     */
    private final Map<UUID, EnrolmentStatus> glances = new HashMap<>();

    private long glancesVersion = -1;
    private LocalDate glancesDay;

    /** Glances kept at most; more are dropped all at once, to be read again. */
    private static final int GLANCES_KEPT = 20_000;

    public CaseloadService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.participants = new ParticipantRepository(db);
        this.enrolments = new EnrolmentRepository(db);
        this.queries = new CaseloadQueries(db);
        this.workflow = new WorkflowService(db, clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Registers a person. Refused with problems next to the fields if the draft is invalid or
     * the number is already registered; then nothing is saved.
     */
    public Participant register(ParticipantDraft draft) {
        List<Problem> problems = draft.problems(today());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Participant participant = draft.toParticipant(UUID.randomUUID(), today());
        db.write(tx -> {
            if (participants.findByNumber(tx, participant.personalNumber()).isPresent()) {
                throw new ValidationException(
                        List.of(Problem.of(ParticipantDraft.FIELD_NUMBER, "participant.problem.duplicate")));
            }
            if (participants.registeredBefore(tx, participant.personalNumber(), null)) {
                throw new ValidationException(
                        List.of(Problem.of(ParticipantDraft.FIELD_NUMBER, "participant.problem.registeredBefore")));
            }
            participants.save(tx, participant);
            AuditTrail.record(tx, AuditAction.PARTICIPANT_REGISTERED, About.participant(participant.id()));
            return null;
        });
        LOG.info(() -> "registered participant " + participant.id());
        return participant;
    }

    /**
     * Changes a registered person's details (a new phone number, a corrected name). Only the
     * fields that differ are changed, so an edit made on another laptop to other fields stays.
     */
    public Participant update(UUID id, ParticipantDraft draft) {
        List<Problem> problems = draft.problems(today());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Participant participant = draft.toParticipant(id, today());
        db.write(tx -> {
            var same = participants.findByNumber(tx, participant.personalNumber());
            if (same.isPresent() && !same.get().id().equals(id)) {
                throw new ValidationException(
                        List.of(Problem.of(ParticipantDraft.FIELD_NUMBER, "participant.problem.duplicate")));
            }
            if (participants.registeredBefore(tx, participant.personalNumber(), id)) {
                throw new ValidationException(
                        List.of(Problem.of(ParticipantDraft.FIELD_NUMBER, "participant.problem.registeredBefore")));
            }
            if (participants.update(tx, participant)) {
                AuditTrail.record(tx, AuditAction.PARTICIPANT_CHANGED, About.participant(id));
            }
            return null;
        });
        LOG.info(() -> "updated participant " + id);
        return participant;
    }

    /** Enrols a participant. Refused if the draft is invalid or they are enrolled already. */
    public Enrolment enrol(EnrolmentDraft draft) {
        Enrolment enrolment = db.write(tx -> {
            List<Enrolment> earlier = enrolments.ofParticipant(tx, draft.participantId());
            List<Problem> problems = new ArrayList<>(draft.problems(today(), earlier));
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Enrolment e = draft.toEnrolment(UUID.randomUUID());
            enrolments.save(tx, e);
            AuditTrail.record(tx, AuditAction.ENROLLED, About.enrolment(e.participantId(), e.id()));
            return e;
        });
        LOG.info(() -> "enrolled participant " + enrolment.participantId() + " as " + enrolment.id());
        return enrolment;
    }

    /**
     * A team lead gives an enrolment to another coach. The change travels in the next package,
     * so the coaches' laptops learn it at their next exchange.
     */
    public void reassign(UUID enrolmentId, UUID coachId) {
        db.write(tx -> {
            Enrolment enrolment = enrolments
                    .find(tx, enrolmentId)
                    .orElseThrow(() -> new MissingRecordException("enrolment " + enrolmentId));
            if (enrolments.reassign(tx, enrolmentId, coachId)) {
                AuditTrail.record(
                        tx,
                        AuditAction.REASSIGNED,
                        new About(enrolment.participantId(), enrolmentId, null, String.valueOf(coachId)));
            }
            return null;
        });
        LOG.info(() -> "reassigned enrolment " + enrolmentId + " to coach " + coachId);
    }

    /**
     * A coach's caseload, or (coachId null) everyone, filtered by the search words, each row with
     * its enrolment at a glance. A coach's caseload is their open enrolments and those they
     * exited whose check a month after is not recorded, for as long as the Today screen reminds
     * of it ({@link Reminders#exitCheckShownFrom}).
     */
    public List<CaseloadEntry> caseload(UUID coachId, String query) {
        return glance(queries.find(
                coachId, coachId == null ? null : Reminders.exitCheckShownFrom(today()), query, limitFor(query)));
    }

    /** Whether the search words find anyone at all among everyone, whoever's they are. */
    public boolean anyone(String query) {
        return !queries.find(null, query, 1).isEmpty();
    }

    /** The open enrolments of one coach (a team lead's look at a colleague's caseload), at a glance. */
    public List<CaseloadEntry> enrolledWith(UUID coachId, String query) {
        return glance(queries.find(coachId, null, query, limitFor(query)));
    }

    /**
     * Each row with the first of its deadlines and reminders, its next meeting and its last
     * contact, as the person's page and the Today screen compute them, read for the whole page
     * at once. A person never enrolled is to be enrolled today, as Today reminds.
     */
    private List<CaseloadEntry> glance(List<CaseloadEntry> entries) {
        LocalDate today = today();
        Map<UUID, EnrolmentStatus> status = statusOf(
                entries.stream()
                        .map(CaseloadEntry::latestEnrolment)
                        .filter(Objects::nonNull)
                        .toList(),
                entries.stream()
                        .filter(CaseloadEntry::exitChecked)
                        .map(e -> e.latestEnrolment().id())
                        .collect(Collectors.toSet()),
                today);
        return entries.stream()
                .map(e -> {
                    if (e.latestEnrolment() == null) {
                        return e.with(Reminders.notEnrolled(today), null, null);
                    }
                    EnrolmentStatus s = status.get(e.latestEnrolment().id());
                    return s == null
                            ? e
                            : e.with(s.open().isEmpty() ? null : s.open().get(0), s.nextMeeting(), s.lastContact());
                })
                .toList();
    }

    /**
     * The glances of these enrolments: those kept from an earlier call while the file has not
     * changed since, the others read. The version is read before the reads, so glances read
     * after a commit are at worst dropped once too often, never kept too long.
     */
    private Map<UUID, EnrolmentStatus> statusOf(List<Enrolment> enrolments, Set<UUID> exitChecked, LocalDate today) {
        long version = db.dataVersion();
        Map<UUID, EnrolmentStatus> status = new HashMap<>();
        List<Enrolment> missing = new ArrayList<>();
        synchronized (glances) {
            if (version != glancesVersion || !today.equals(glancesDay) || glances.size() > GLANCES_KEPT) {
                glances.clear();
                glancesVersion = version;
                glancesDay = today;
            }
            for (Enrolment e : enrolments) {
                EnrolmentStatus kept = glances.get(e.id());
                if (kept != null) {
                    status.put(e.id(), kept);
                } else {
                    missing.add(e);
                }
            }
        }
        Map<UUID, EnrolmentStatus> read = workflow.statusOf(missing, exitChecked);
        status.putAll(read);
        synchronized (glances) {
            if (version == glancesVersion && today.equals(glancesDay)) {
                glances.putAll(read);
            }
        }
        return status;
    }

    public Optional<Participant> participant(UUID id) {
        return participants.find(id);
    }

    /**
     * The person, read to open their page: the reading is written to the audit trail, in the
     * same transaction. (Later reads of an open page, after a change, use {@link #participant}.)
     */
    public Optional<Participant> open(UUID id) {
        return db.write(tx -> {
            Optional<Participant> found = participants.find(tx, id);
            found.ifPresent(p -> AuditTrail.record(tx, AuditAction.PARTICIPANT_OPENED, About.participant(id)));
            return found;
        });
    }

    /**
     * The names (as the caseload lists them) of the people with these ids that this database
     * holds: for a list that names people by id, such as the audit trail.
     */
    public Map<UUID, String> listNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        participants.findAll(ids).forEach((id, p) -> names.put(id, p.listName()));
        return names;
    }

    /** Every enrolment of the person, the newest first: people come back. */
    public List<Enrolment> enrolments(UUID participantId) {
        return enrolments.ofParticipant(participantId);
    }

    public int participantCount() {
        return participants.count();
    }
}
