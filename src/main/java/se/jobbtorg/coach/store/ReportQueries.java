package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY_PLAN;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.ExitReason;

/** What the indicators are computed from: one row of facts per enrolment, in one query. */
public final class ReportQueries {
    private final Database db;

    public ReportQueries(Database db) {
        this.db = db;
    }

    /** Every enrolment (optionally of one referring unit), with its first approval date. */
    public List<EnrolmentFacts> facts(String referringUnit) {
        return db.read(dsl -> {
            var firstApproval = DSL.field(DSL.select(DSL.min(ACTIVITY_PLAN.APPROVED_ON)).from(ACTIVITY_PLAN)
                    .where(ACTIVITY_PLAN.ENROLMENT_ID.eq(ENROLMENT.ID), ACTIVITY_PLAN.DELETED.eq(0)));
            var where = ENROLMENT.DELETED.eq(0);
            if (referringUnit != null) {
                where = where.and(ENROLMENT.REFERRING_UNIT.eq(referringUnit));
            }
            return dsl.select(ENROLMENT.ID, ENROLMENT.PARTICIPANT_ID, ENROLMENT.ENROLLED_ON, ENROLMENT.EXITED_ON,
                            ENROLMENT.EXIT_REASON, firstApproval)
                    .from(ENROLMENT).where(where)
                    .fetch(r -> new EnrolmentFacts(UUID.fromString(r.value1()), UUID.fromString(r.value2()),
                            LocalDate.parse(r.value3()), r.value4() == null ? null : LocalDate.parse(r.value4()),
                            r.value5() == null ? null : ExitReason.ofCode(r.value5()),
                            r.value6() == null ? null : LocalDate.parse(r.value6())));
        });
    }
}
