package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY;
import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY_PLAN;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.Coded;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;

/** What the indicators are computed from: one row of facts per enrolment, in one query. */
public final class ReportQueries {
    private final Database db;

    public ReportQueries(Database db) {
        this.db = db;
    }

    /** Every enrolment (optionally of one referring unit), with its first approvals and activities. */
    public List<EnrolmentFacts> facts(String referringUnit) {
        return db.read(dsl -> {
            var firstApproval = DSL.field(DSL.select(DSL.min(ACTIVITY_PLAN.APPROVED_ON))
                    .from(ACTIVITY_PLAN)
                    .where(ACTIVITY_PLAN.ENROLMENT_ID.eq(ENROLMENT.ID), ACTIVITY_PLAN.DELETED.eq(0)));
            var firstReview = DSL.field(DSL.select(DSL.min(ACTIVITY_PLAN.APPROVED_ON))
                    .from(ACTIVITY_PLAN)
                    .where(
                            ACTIVITY_PLAN.ENROLMENT_ID.eq(ENROLMENT.ID),
                            ACTIVITY_PLAN.DELETED.eq(0),
                            ACTIVITY_PLAN.REVIEW.eq(1)));
            var where = ENROLMENT.DELETED.eq(0);
            if (referringUnit != null) {
                where = where.and(ENROLMENT.REFERRING_UNIT.eq(referringUnit));
            }
            // The kinds of the activities of each enrolment's newest approved version, in one pass.
            var inForce = ACTIVITY_PLAN.as("in_force");
            var newer = ACTIVITY_PLAN.as("newer");
            Map<String, List<ActivityKind>> kinds = new HashMap<>();
            dsl.select(inForce.ENROLMENT_ID, ACTIVITY.KIND)
                    .from(ACTIVITY)
                    .join(inForce)
                    .on(inForce.ID.eq(ACTIVITY.PLAN_ID))
                    .where(
                            ACTIVITY.DELETED.eq(0),
                            inForce.DELETED.eq(0),
                            inForce.APPROVED_ON.isNotNull(),
                            DSL.notExists(DSL.selectOne()
                                    .from(newer)
                                    .where(
                                            newer.ENROLMENT_ID.eq(inForce.ENROLMENT_ID),
                                            newer.APPROVED_ON.isNotNull(),
                                            newer.DELETED.eq(0),
                                            newer.VERSION.gt(inForce.VERSION))))
                    .forEach(r -> kinds.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(Coded.ofCode(ActivityKind.class, r.value2())));
            return dsl.select(
                            ENROLMENT.ID,
                            ENROLMENT.PARTICIPANT_ID,
                            ENROLMENT.ENROLLED_ON,
                            ENROLMENT.EXITED_ON,
                            ENROLMENT.EXIT_REASON,
                            firstApproval,
                            firstReview,
                            ENROLMENT.EXIT_CHECK)
                    .from(ENROLMENT)
                    .where(where)
                    // A fixed order: the indicators list a day's enrolments in it, as IndicatorQueries does.
                    .orderBy(ENROLMENT.ID)
                    .fetch(r -> new EnrolmentFacts(
                            UUID.fromString(r.value1()),
                            UUID.fromString(r.value2()),
                            LocalDate.parse(r.value3()),
                            r.value4() == null ? null : LocalDate.parse(r.value4()),
                            r.value5() == null ? null : ExitReason.ofCode(r.value5()),
                            r.value6() == null ? null : LocalDate.parse(r.value6()),
                            r.value7() == null ? null : LocalDate.parse(r.value7()),
                            kinds.getOrDefault(r.value1(), List.of()),
                            r.value8() == null ? null : Coded.ofCode(ExitCheck.class, r.value8())));
        });
    }

    /** The ids of the enrolments referred by one unit. */
    public Set<UUID> enrolmentsOfUnit(String referringUnit) {
        return db.read(dsl -> dsl.select(ENROLMENT.ID)
                .from(ENROLMENT)
                .where(ENROLMENT.REFERRING_UNIT.eq(referringUnit), ENROLMENT.DELETED.eq(0))
                .fetchSet(r -> UUID.fromString(r.value1())));
    }

    /** A line of the list behind a figure. */
    public record Line(
            UUID participantId,
            String name,
            String number,
            LocalDate enrolledOn,
            LocalDate exitedOn,
            ExitReason reason) {}

    /** The enrolments behind a figure, by name in Swedish order. */
    public List<Line> lines(List<UUID> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return List.of();
        }
        return db.read(dsl -> dsl.select(
                        PARTICIPANT.ID,
                        PARTICIPANT.LAST_NAME,
                        PARTICIPANT.FIRST_NAME,
                        PARTICIPANT.PERSONAL_NUMBER,
                        ENROLMENT.ENROLLED_ON,
                        ENROLMENT.EXITED_ON,
                        ENROLMENT.EXIT_REASON)
                .from(ENROLMENT)
                .join(PARTICIPANT)
                .on(PARTICIPANT.ID.eq(ENROLMENT.PARTICIPANT_ID))
                .where(ENROLMENT.ID.in(enrolmentIds.stream().map(UUID::toString).toList()))
                .orderBy(PARTICIPANT.SORT_NAME, ENROLMENT.ENROLLED_ON)
                .fetch(r -> new Line(
                        UUID.fromString(r.value1()),
                        r.value2() + ", " + r.value3(),
                        PersonalIdentityNumber.ofNormalised(r.value4()).display(),
                        LocalDate.parse(r.value5()),
                        r.value6() == null ? null : LocalDate.parse(r.value6()),
                        r.value7() == null ? null : ExitReason.ofCode(r.value7()))));
    }

    /** The referring units that occur, for the unit filter. */
    public List<String> units() {
        return db.read(dsl -> dsl.selectDistinct(ENROLMENT.REFERRING_UNIT)
                .from(ENROLMENT)
                .where(ENROLMENT.DELETED.eq(0))
                .orderBy(ENROLMENT.REFERRING_UNIT)
                .fetch(ENROLMENT.REFERRING_UNIT));
    }
}
