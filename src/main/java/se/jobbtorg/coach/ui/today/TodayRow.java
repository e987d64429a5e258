package se.jobbtorg.coach.ui.today;

import java.util.UUID;
import se.jobbtorg.coach.domain.Due;

/**
 * One line of the Today screen: who, what is due and when, and the reason given if it passed.
 * The view model makes it from the service's item, so the view does not depend on the service.
 *
 * @param listName the person as the list shows them (surname first)
 * @param fullName the person as a sentence names them
 * @param reason why the deadline passed, as the coach wrote it; null while none is given
 */
public record TodayRow(UUID participantId, UUID enrolmentId, String listName, String fullName, Due due, String reason) {

    public boolean reasonGiven() {
        return reason != null;
    }
}
