package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person past retention (gallring): whose last entry was on {@code lastEntry}, longer ago than
 * the period. personalNumber as stored (twelve digits).
 */
public record RetentionDue(UUID participantId, String listName, String personalNumber, LocalDate lastEntry) {}
