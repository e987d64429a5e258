package se.jobbtorg.coach.domain;

/**
 * What an audit entry records: the closed list of things a user does with personal data that the
 * trail keeps (SoLPuL; IMY on access logging). The codes travel and are stored; a code is added,
 * never removed or given another meaning (the package's code list `audit_action`).
 */
public enum AuditAction implements Coded {
    /** A participant's page opened: a read of the person's records. */
    PARTICIPANT_OPENED("participant_opened", Kind.READ),
    PARTICIPANT_REGISTERED("participant_registered", Kind.CHANGE),
    PARTICIPANT_CHANGED("participant_changed", Kind.CHANGE),
    ENROLLED("enrolled", Kind.CHANGE),
    REASSIGNED("reassigned", Kind.CHANGE),
    MAPPING_SAVED("mapping_saved", Kind.CHANGE),
    PLAN_DRAFTED("plan_drafted", Kind.CHANGE),
    PLAN_CHANGED("plan_changed", Kind.CHANGE),
    PLAN_APPROVED("plan_approved", Kind.CHANGE),
    MEETING_RECORDED("meeting_recorded", Kind.CHANGE),
    REASON_GIVEN("reason_given", Kind.CHANGE),
    ENTRY_VOIDED("entry_voided", Kind.CHANGE),
    EXITED("exited", Kind.CHANGE),
    EXIT_UNDONE("exit_undone", Kind.CHANGE),
    EXIT_CHECKED("exit_checked", Kind.CHANGE),
    EXIT_CHECK_UNDONE("exit_check_undone", Kind.CHANGE),
    CONFLICT_RESOLVED("conflict_resolved", Kind.CHANGE),
    /** A report or a file made from the records: the detail says which (a {@link Report} code). */
    REPORT_MADE("report_made", Kind.EXPORT),
    PACKAGE_EXPORTED("package_exported", Kind.EXPORT),
    PACKAGE_IMPORTED("package_imported", Kind.IMPORT),
    UNLOCKED("unlocked", Kind.ACCESS),
    UNLOCK_FAILED("unlock_failed", Kind.ACCESS),
    PASSPHRASE_CHANGED("passphrase_changed", Kind.ACCESS),
    ROLE_CHANGED("role_changed", Kind.ACCESS),
    DEVICE_ADMITTED("device_admitted", Kind.ACCESS),
    DEVICE_WITHDRAWN("device_withdrawn", Kind.ACCESS),
    /** A person deleted for good at retention (gallring): the participant's id, the purge record's. */
    RETENTION_DELETED("retention_deleted", Kind.CHANGE),
    /**
     * A coach's laptop let go of its copy of a person or an enrolment that is another coach's
     * (need to know): the participant's id, and the enrolment's if only that went.
     */
    LOCAL_COPY_REMOVED("local_copy_removed", Kind.CHANGE);

    /** The groups a team lead filters the trail by. */
    public enum Kind {
        READ,
        CHANGE,
        EXPORT,
        IMPORT,
        ACCESS
    }

    /** What {@link #REPORT_MADE} made: its entry's detail. */
    public enum Report implements Coded {
        INDICATORS("indicators"),
        NATIONAL_CODES("national_codes"),
        ENROLMENTS_BEHIND("enrolments_behind"),
        PLAN("plan"),
        CALENDAR("calendar"),
        AUDIT_TRAIL("audit_trail");

        private final String code;

        Report(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    private final String code;
    private final Kind kind;

    AuditAction(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
