package se.jobbtorg.coach.ui.common;

import se.jobbtorg.coach.report.IndicatorReport;
import se.jobbtorg.coach.service.AuditService;
import se.jobbtorg.coach.service.CalendarExport;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.RetentionService;
import se.jobbtorg.coach.service.SyncService;
import se.jobbtorg.coach.service.TodayService;
import se.jobbtorg.coach.service.WorkflowService;

/** What the screens are given: the use cases, and the runner that keeps them off the FX thread. */
public record UiServices(
        CaseloadService caseload,
        CoachService coaches,
        WorkflowService workflow,
        TodayService today,
        IndicatorReport indicators,
        SyncService sync,
        AuditService audit,
        RetentionService retention,
        TaskRunner tasks) {

    /** The coach's planned meetings as a calendar file (it holds no state: made when asked). */
    public CalendarExport calendar() {
        return new CalendarExport(today, audit);
    }
}
