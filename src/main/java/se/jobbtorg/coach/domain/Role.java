package se.jobbtorg.coach.domain;

/**
 * What the user of a database does in the team, chosen at the first start and changed only with
 * the passphrase. A coach sees their own work; a team lead also sees the team-lead actions
 * (the team's summary, reassigning an enrolment).
 */
public enum Role implements Coded {
    COACH("coach"),
    TEAM_LEAD("team_lead");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** True for the role that sees the team-lead actions. */
    public boolean isTeamLead() {
        return this == TEAM_LEAD;
    }
}
