package se.jobbtorg.coach.ui.today;

import java.util.UUID;
import se.jobbtorg.coach.domain.Due;

/**
 * One line of the Today screen: who, what is due and when, how many days late, and the reason
 * given if a deadline passed. The view model makes it from the service's item, so the view does
 * not depend on the service.
 *
 * @param enrolmentId null for a person registered and never enrolled
 * @param listName the person as the list shows them (surname first)
 * @param fullName the person as a sentence names them
 * @param daysLate days since the date passed; 0 while it has not
 * @param reason why the deadline passed, as the coach wrote it; null while none is given
 */
public record TodayRow(
        UUID participantId, UUID enrolmentId, String listName, String fullName, Due due, long daysLate, String reason) {

    public boolean reasonGiven() {
        return reason != null;
    }
}
