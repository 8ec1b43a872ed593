package fr.proxima.tours;

import java.time.LocalDate;

/** One line of an organisation's tour list (no visit location or time). */
public record TourSummary(long id, LocalDate date, String caregiver, String departure, int visits) {
}
