package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CASELOAD_GLANCE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Coded;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.store.WorkflowRepository.EnrolmentInputs;

/**
 * The rules' inputs of the enrolments a coach's list can show, as the schema's triggers keep them
 * in caseload_glance (migration 25: the enrolments with a coach, not deleted, whose check after
 * the exit is not recorded), one row per enrolment, a coach's rows together. What the records'
 * three indexes give of an enrolment, a page each, is read here from a few pages per coach: the
 * plan versions, the activities and the meetings not voided, each with the columns the rules read,
 * as JSON arrays in the order the migration states.
 */
final class KeptGlances {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How many coaches' ranges one query reads at most. */
    private static final int COACHES_A_QUERY = 50;

    private KeptGlances() {}

    /**
     * The kept inputs of those of these enrolments that are kept, by enrolment id: one index range
     * per coach among them. An enrolment not kept (no coach, or its check after the exit recorded)
     * is not in the map.
     */
    static Map<String, EnrolmentInputs> of(DSLContext dsl, Collection<Enrolment> enrolments) {
        return of(dsl, enrolments, COACHES_A_QUERY);
    }

    /** As {@link #of(DSLContext, Collection)}, with at most this many coaches' ranges a query (tests). */
    static Map<String, EnrolmentInputs> of(DSLContext dsl, Collection<Enrolment> enrolments, int coachesAQuery) {
        Map<String, List<String>> byCoach = new LinkedHashMap<>();
        for (Enrolment e : enrolments) {
            if (e.coachId() != null) {
                byCoach.computeIfAbsent(e.coachId().toString(), k -> new ArrayList<>())
                        .add(e.id().toString());
            }
        }
        if (byCoach.isEmpty()) {
            return Map.of();
        }
        List<Condition> each = new ArrayList<>();
        byCoach.forEach(
                (coach, ids) -> each.add(CASELOAD_GLANCE.COACH_ID.eq(coach).and(CASELOAD_GLANCE.ENROLMENT_ID.in(ids))));
        Map<String, EnrolmentInputs> kept = new LinkedHashMap<>();
        // A list of everyone shows the enrolments of many coaches: their ranges a bounded number
        // at a time, well inside SQLite's depth of an expression.
        for (int from = 0; from < each.size(); from += coachesAQuery) {
            dsl.select(
                            CASELOAD_GLANCE.ENROLMENT_ID,
                            CASELOAD_GLANCE.PLANS,
                            CASELOAD_GLANCE.ACTIVITIES,
                            CASELOAD_GLANCE.MEETINGS)
                    .from(CASELOAD_GLANCE)
                    .where(DSL.or(each.subList(from, Math.min(each.size(), from + coachesAQuery))))
                    .forEach(r -> {
                        UUID enrolment = UUID.fromString(r.value1());
                        kept.put(
                                r.value1(),
                                new EnrolmentInputs(
                                        plans(enrolment, r.value2()),
                                        activities(r.value3()),
                                        meetings(enrolment, r.value4())));
                    });
        }
        return kept;
    }

    /** [id, version, goal, drawn_up_on, approved_on, approved_by, review], in version order. */
    private static List<ActivityPlan> plans(UUID enrolment, String json) {
        List<ActivityPlan> plans = new ArrayList<>();
        for (JsonNode p : rows(json)) {
            plans.add(new ActivityPlan(
                    UUID.fromString(p.get(0).asText()),
                    enrolment,
                    p.get(1).asInt(),
                    p.get(2).isNull()
                            ? null
                            : Coded.ofCode(PlanGoal.class, p.get(2).asText()),
                    null,
                    LocalDate.parse(p.get(3).asText()),
                    date(p.get(4)),
                    p.get(5).isNull() ? null : p.get(5).asText(),
                    p.get(6).asInt() == 1));
        }
        plans.sort(Comparator.comparingInt(ActivityPlan::version));
        return plans;
    }

    /** [id, plan_id, kind, start_on, end_on, ended_on]. */
    private static List<Activity> activities(String json) {
        List<Activity> activities = new ArrayList<>();
        for (JsonNode a : rows(json)) {
            activities.add(new Activity(
                    UUID.fromString(a.get(0).asText()),
                    UUID.fromString(a.get(1).asText()),
                    Coded.ofCode(ActivityKind.class, a.get(2).asText()),
                    null,
                    null,
                    null,
                    LocalDate.parse(a.get(3).asText()),
                    LocalDate.parse(a.get(4).asText()),
                    date(a.get(5))));
        }
        return activities;
    }

    /** [id, supersedes, meeting_at, kind, outcome, duty_explained_on]. */
    private static List<Meeting> meetings(UUID enrolment, String json) {
        List<Meeting> meetings = new ArrayList<>();
        for (JsonNode m : rows(json)) {
            meetings.add(new Meeting(
                    UUID.fromString(m.get(0).asText()),
                    enrolment,
                    m.get(1).isNull() ? null : UUID.fromString(m.get(1).asText()),
                    LocalDateTime.parse(m.get(2).asText()),
                    Coded.ofCode(MeetingKind.class, m.get(3).asText()),
                    null,
                    Coded.ofCode(MeetingOutcome.class, m.get(4).asText()),
                    null,
                    false,
                    null,
                    null,
                    date(m.get(5)),
                    null));
        }
        return meetings;
    }

    private static LocalDate date(JsonNode value) {
        return value.isNull() ? null : LocalDate.parse(value.asText());
    }

    private static JsonNode rows(String json) {
        try {
            JsonNode rows = JSON.readTree(json);
            if (!rows.isArray()) {
                throw new StoreException("caseload_glance: a value that is not a JSON array");
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw new StoreException("caseload_glance: unreadable JSON", e);
        }
    }
}
