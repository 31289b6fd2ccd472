package org.credfolio.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A credential a learner can earn, aligned with CTDL terms.
 *
 * @param occupations SOC 2018 codes of the occupations it prepares for
 * @param stacksInto ids of catalog credentials this one stacks into
 * @param renewalMonths months until it must be renewed; null when it does not expire
 * @param stateListings where a state lists it (for example Texas IBC code 010)
 * @param curatedBy the organization that added it; null for platform-loaded entries
 * @param category what kind of credential it is; null when not recorded
 * @param highSchoolAttainable whether a high-school student can earn it; null when not recorded
 * @param categoryNote where the category and attainability come from
 */
@Document("credentials")
// the catalog's list in name order, by name prefix
@CompoundIndex(name = "by_name", def = "{'name': 1, '_id': 1}")
public record CredentialDefinition(
        @Id String id,
        String name,
        CredentialType type,
        String certifyingBodyId,
        String description,
        List<String> occupations,
        String careerCluster,
        Portability portability,
        List<String> stacksInto,
        Integer renewalMonths,
        BigDecimal typicalExamFee,
        List<StateListing> stateListings,
        String curatedBy,
        Instant updatedAt,
        CredentialCategory category,
        Boolean highSchoolAttainable,
        String categoryNote) {

    /** A credential whose category and attainability are not recorded. */
    public CredentialDefinition(
            String id,
            String name,
            CredentialType type,
            String certifyingBodyId,
            String description,
            List<String> occupations,
            String careerCluster,
            Portability portability,
            List<String> stacksInto,
            Integer renewalMonths,
            BigDecimal typicalExamFee,
            List<StateListing> stateListings,
            String curatedBy,
            Instant updatedAt) {
        this(
                id,
                name,
                type,
                certifyingBodyId,
                description,
                occupations,
                careerCluster,
                portability,
                stacksInto,
                renewalMonths,
                typicalExamFee,
                stateListings,
                curatedBy,
                updatedAt,
                null,
                null,
                null);
    }

    /** A state's listing of the credential, such as {@code TX} code {@code 010}. */
    public record StateListing(String state, String code) {}
}
