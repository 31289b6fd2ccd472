package org.credfolio.learner;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner's profile. Demographics are embedded (read together, written together) but are only
 * ever handed out through {@link LearnerManagement#demographics}, which checks who asks.
 *
 * @param studentId the district's student id; unique within the district
 * @param sortName lower-case "family given", for ordering and name-prefix search
 * @param ctePathways the CTE programs of study the learner participates in
 * @param sourcedId the learner's OneRoster {@code sourcedId} in the district's SIS; null when the
 *     learner was not rostered from a OneRoster file
 * @param rosterKey {@code <districtId>/<sourcedId>}, absent without a sourcedId: one unique sparse
 *     key, because a compound unique index would collide on the many learners without one in
 *     MongoDB, and the embedded store serves only lookups by exactly an index's keys
 * @param inactiveSince when the learner left the district's roster (absent from a full OneRoster
 *     export); null while active. Inactive learners keep everything they earned.
 */
@Document("learners")
@CompoundIndex(name = "student_id_per_district", def = "{'districtId': 1, 'studentId': 1}", unique = true)
// Learner lists by district or school, in name order (and name-prefix search).
@CompoundIndex(name = "district_name", def = "{'districtId': 1, 'sortName': 1, '_id': 1}")
@CompoundIndex(name = "school_name", def = "{'schoolId': 1, 'sortName': 1, '_id': 1}")
public record Learner(
        @Id String id,
        String districtId,
        String schoolId,
        String studentId,
        String givenName,
        String familyName,
        String sortName,
        int graduationYear,
        List<String> ctePathways,
        Demographics demographics,
        Instant createdAt,
        Instant updatedAt,
        String sourcedId,
        @Indexed(unique = true, sparse = true) String rosterKey,
        Instant inactiveSince) {

    @PersistenceCreator
    public Learner {}

    /** A learner entered by hand (not rostered), active. */
    public Learner(
            String id,
            String districtId,
            String schoolId,
            String studentId,
            String givenName,
            String familyName,
            String sortName,
            int graduationYear,
            List<String> ctePathways,
            Demographics demographics,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                districtId,
                schoolId,
                studentId,
                givenName,
                familyName,
                sortName,
                graduationYear,
                ctePathways,
                demographics,
                createdAt,
                updatedAt,
                null,
                null,
                null);
    }

    public static String rosterKey(String districtId, String sourcedId) {
        return districtId + "/" + sourcedId;
    }

    public boolean active() {
        return inactiveSince == null;
    }

    public String displayName() {
        return givenName + " " + familyName;
    }

    /** Given name and family initial: enough for a reader to match a page to a person, no more. */
    public String nameWithFamilyInitial() {
        String family = familyName == null ? "" : familyName.strip();
        return family.isEmpty()
                ? givenName
                : givenName + " " + family.substring(0, family.offsetByCodePoints(0, 1)) + ".";
    }
}
