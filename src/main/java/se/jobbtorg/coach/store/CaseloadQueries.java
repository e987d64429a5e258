package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.COACH;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.store.generated.tables.Enrolment;

/**
 * The caseload list and search as you type. Both are index range scans (the coach's
 * enrolments, the name order, the search tokens), so they stay instant at city scale.
 */
public final class CaseloadQueries {
    /** Sorts after every character a name or number can hold, to turn a prefix into a range. */
    private static final String PREFIX_END = "\uffff";

    private final Database db;

    public CaseloadQueries(Database db) {
        this.db = db;
    }

    /**
     * Participants in Swedish name order with their latest enrolment. coachId set: only that
     * coach's open enrolments; null: everyone. Every word of query must begin a word of the
     * name or a form of the number (12 digits, 10 digits, last four).
     */
    public List<CaseloadEntry> find(UUID coachId, String query, int limit) {
        return db.read(dsl -> {
            Enrolment latest = ENROLMENT.as("latest");
            Condition scope;
            var from = dsl.select(PARTICIPANT.fields()).select(ENROLMENT.fields()).select(COACH.NAME)
                    .from(PARTICIPANT);
            org.jooq.SelectOnConditionStep<?> joined;
            if (coachId != null) {
                joined = from.join(ENROLMENT).on(ENROLMENT.PARTICIPANT_ID.eq(PARTICIPANT.ID),
                        ENROLMENT.COACH_ID.eq(coachId.toString()), ENROLMENT.EXITED_ON.isNull(),
                        ENROLMENT.DELETED.eq(0));
            } else {
                var latestId = DSL.field(DSL.select(latest.ID).from(latest)
                        .where(latest.PARTICIPANT_ID.eq(PARTICIPANT.ID), latest.DELETED.eq(0))
                        .orderBy(latest.ENROLLED_ON.desc(), latest.ID).limit(1));
                joined = from.leftJoin(ENROLMENT).on(ENROLMENT.ID.eq(latestId));
            }
            scope = PARTICIPANT.DELETED.eq(0);
            Select<Record1<String>> matches = matching(query);
            if (matches != null) {
                scope = scope.and(PARTICIPANT.ID.in(matches));
            }
            return joined.leftJoin(COACH).on(COACH.ID.eq(ENROLMENT.COACH_ID))
                    .where(scope)
                    .orderBy(PARTICIPANT.SORT_NAME, PARTICIPANT.ID)
                    .limit(limit)
                    .fetch(r -> new CaseloadEntry(
                            ParticipantRepository.toDomain(r.into(PARTICIPANT)),
                            r.get(ENROLMENT.ID) == null ? null : EnrolmentRepository.toDomain(r.into(ENROLMENT)),
                            r.get(COACH.NAME)));
        });
    }

    /** Ids whose tokens start with every word of the query; null when the query has no words. */
    private static Select<Record1<String>> matching(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        Select<Record1<String>> result = null;
        for (String word : query.strip().split("\\s+")) {
            String token = SwedishText.queryToken(word);
            if (token.isEmpty()) {
                continue;
            }
            Select<Record1<String>> one = DSL.selectDistinct(PARTICIPANT_SEARCH.PARTICIPANT_ID)
                    .from(PARTICIPANT_SEARCH)
                    .where(PARTICIPANT_SEARCH.TOKEN.ge(token), PARTICIPANT_SEARCH.TOKEN.lt(token + PREFIX_END));
            result = result == null ? one : DSL.select(DSL.field("participant_id", String.class))
                    .from(result.intersect(one).asTable("m"));
        }
        return result;
    }
}
