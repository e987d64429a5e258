package se.jobbtorg.coach.ui.common;

import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.TodayService;
import se.jobbtorg.coach.service.WorkflowService;

/** What the screens are given: the use cases, and the runner that keeps them off the FX thread. */
public record UiServices(CaseloadService caseload, CoachService coaches, WorkflowService workflow, TodayService today,
        se.jobbtorg.coach.report.IndicatorReport indicators, se.jobbtorg.coach.service.SyncService sync,
        TaskRunner tasks) {
}
