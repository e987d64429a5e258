package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.store.generated.tables.records.EnrolmentRecord;

/** Enrolments: many per participant, newest first. */
public final class EnrolmentRepository {
    private final Database db;

    public EnrolmentRepository(Database db) {
        this.db = db;
    }

    public boolean save(Transaction tx, Enrolment e) {
        return tx.save(record(tx.dsl(), e));
    }

    /** The row of an enrolment as every write stores it (a save, the bulk load of the bench). */
    static EnrolmentRecord record(DSLContext dsl, Enrolment e) {
        EnrolmentRecord r = dsl.newRecord(ENROLMENT);
        r.setId(e.id().toString());
        r.setParticipantId(e.participantId().toString());
        r.setCoachId(e.coachId() == null ? null : e.coachId().toString());
        r.setEnrolledOn(e.enrolledOn().toString());
        r.setReferringUnit(e.referringUnit());
        r.setSocialSecretary(e.socialSecretary());
        r.setTargetGroups(TargetGroup.toCodes(e.targetGroups()));
        r.setLanguage(e.language());
        r.setInterpreterNeeded(e.interpreterNeeded() ? 1 : 0);
        r.setExitedOn(e.exitedOn() == null ? null : e.exitedOn().toString());
        r.setExitReason(e.exitReason() == null ? null : e.exitReason().code());
        r.setDeleted(0);
        return r;
    }

    /** Gives an enrolment to another coach; only the coach field changes. False if it was theirs. */
    public boolean reassign(Transaction tx, UUID enrolmentId, UUID coachId) {
        EnrolmentRecord r = tx.dsl().newRecord(ENROLMENT);
        r.setId(enrolmentId.toString());
        r.setCoachId(coachId.toString());
        return tx.save(r);
    }

    /** The participant's enrolments, newest first, read inside a write so checks hold. */
    public List<Enrolment> ofParticipant(Transaction tx, UUID participantId) {
        return ofParticipant(tx.dsl(), participantId);
    }

    public Optional<Enrolment> find(Transaction tx, UUID id) {
        return find(tx.dsl(), id);
    }

    public Optional<Enrolment> find(UUID id) {
        return db.read(dsl -> find(dsl, id));
    }

    static Optional<Enrolment> find(DSLContext dsl, UUID id) {
        return dsl.selectFrom(ENROLMENT)
                .where(ENROLMENT.ID.eq(id.toString()), ENROLMENT.DELETED.eq(0))
                .fetchOptional(EnrolmentRepository::toDomain);
    }

    /** The open enrolments of a coach, with nothing else: the Today screen starts from them. */
    public List<Enrolment> openOfCoach(UUID coachId) {
        return db.read(dsl -> dsl.selectFrom(ENROLMENT)
                .where(ENROLMENT.COACH_ID.eq(coachId.toString()), ENROLMENT.EXITED_ON.isNull(), ENROLMENT.DELETED.eq(0))
                .fetch(EnrolmentRepository::toDomain));
    }

    public List<Enrolment> ofParticipant(UUID participantId) {
        return db.read(dsl -> ofParticipant(dsl, participantId));
    }

    static List<Enrolment> ofParticipant(DSLContext dsl, UUID participantId) {
        return dsl.selectFrom(ENROLMENT)
                .where(ENROLMENT.PARTICIPANT_ID.eq(participantId.toString()), ENROLMENT.DELETED.eq(0))
                .orderBy(ENROLMENT.ENROLLED_ON.desc(), ENROLMENT.ID)
                .fetch(EnrolmentRepository::toDomain);
    }

    /** The columns {@link #toDomain} reads: a list need not read the others. */
    static final List<Field<?>> DOMAIN_FIELDS = List.of(
            ENROLMENT.ID,
            ENROLMENT.PARTICIPANT_ID,
            ENROLMENT.COACH_ID,
            ENROLMENT.ENROLLED_ON,
            ENROLMENT.REFERRING_UNIT,
            ENROLMENT.SOCIAL_SECRETARY,
            ENROLMENT.TARGET_GROUPS,
            ENROLMENT.LANGUAGE,
            ENROLMENT.INTERPRETER_NEEDED,
            ENROLMENT.EXITED_ON,
            ENROLMENT.EXIT_REASON);

    static Enrolment toDomain(EnrolmentRecord r) {
        return new Enrolment(
                UUID.fromString(r.getId()),
                UUID.fromString(r.getParticipantId()),
                r.getCoachId() == null ? null : UUID.fromString(r.getCoachId()),
                LocalDate.parse(r.getEnrolledOn()),
                r.getReferringUnit(),
                r.getSocialSecretary(),
                TargetGroup.fromCodes(r.getTargetGroups()),
                r.getLanguage(),
                r.getInterpreterNeeded() == 1,
                r.getExitedOn() == null ? null : LocalDate.parse(r.getExitedOn()),
                r.getExitReason() == null ? null : ExitReason.ofCode(r.getExitReason()));
    }
}
