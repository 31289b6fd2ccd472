package org.credfolio.learner;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner's profile. Demographics are embedded (read together, written together) but are only
 * ever handed out through {@link LearnerManagement#demographics}, which checks who asks.
 *
 * @param studentId the district's student id; unique within the district
 * @param sortName lower-case "family given", for ordering and name-prefix search
 * @param ctePathways the CTE programs of study the learner participates in
 */
@Document("learners")
@CompoundIndex(name = "student_id_per_district", def = "{'districtId': 1, 'studentId': 1}", unique = true)
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
        Instant updatedAt) {

    public String displayName() {
        return givenName + " " + familyName;
    }
}
