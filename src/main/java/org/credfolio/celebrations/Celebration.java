package org.credfolio.celebrations;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district's public celebration of an event: its learners (all of the district's, or one
 * school's, or one graduating class's) and the credentials they earned in a date range. Only the
 * definition is stored; the page is computed from current records and consent on every request.
 *
 * @param id random and unguessable, the page's address {@code /celebrations/{id}}
 * @param schoolId null for the whole district
 * @param graduationYear null for every class
 * @param withdrawnAt when a district admin withdrew it; the page then answers 410
 */
@Document("celebrations")
public record Celebration(
        @Id String id,
        @Indexed String districtId,
        String schoolId,
        Integer graduationYear,
        String title,
        LocalDate earnedFrom,
        LocalDate earnedTo,
        String publishedBy,
        Instant publishedAt,
        String withdrawnBy,
        Instant withdrawnAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** The public page's path. */
    public String path() {
        return "/celebrations/" + id;
    }
}
