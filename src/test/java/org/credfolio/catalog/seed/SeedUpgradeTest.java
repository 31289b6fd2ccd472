package org.credfolio.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.credfolio.catalog.CredentialCategory;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialOccupationLink;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.OccupationRole;
import org.credfolio.support.DemoDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A store seeded by an older release (no entry wages, categories or occupation roles) gets them at
 * the next start, and what an admin set is left alone.
 */
class SeedUpgradeTest extends DemoDataTest {
    @Autowired
    MongoOperations mongo;

    @Test
    void fieldsAddedSinceAreFilledFromTheSeedWithoutOverwritingAnAdmin() {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is("51-4121")),
                new Update().unset("entryAnnualWage").unset("workExperience"),
                Occupation.class);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is("tx-ibc-390")),
                new Update().unset("category").unset("highSchoolAttainable").unset("categoryNote"),
                CredentialDefinition.class);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is("tx-ibc-480")),
                new Update().set("category", "SOFTWARE").unset("highSchoolAttainable"),
                CredentialDefinition.class);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is("tx-ibc-390:31-1131")),
                new Update().unset("role"),
                CredentialOccupationLink.class);

        new CatalogSeedWriter(mongo).upgradeSeededCatalog(Instant.now());

        Occupation welders = mongo.findById("51-4121", Occupation.class);
        assertThat(welders.entryAnnualWage()).isNotNull();
        assertThat(welders.workExperience()).isEqualTo("None");
        CredentialDefinition aide = mongo.findById("tx-ibc-390", CredentialDefinition.class);
        assertThat(aide.category()).isEqualTo(CredentialCategory.LICENSE);
        assertThat(aide.highSchoolAttainable()).isTrue();
        assertThat(aide.categoryNote()).isNotBlank();
        // An admin's choice stays.
        assertThat(mongo.findById("tx-ibc-480", Document.class, "credentials").get("category"))
                .isEqualTo("SOFTWARE");
        assertThat(mongo.findById("tx-ibc-390:31-1131", CredentialOccupationLink.class)
                        .role())
                .isEqualTo(OccupationRole.IS_REQUIRED_FOR);

        mongo.updateFirst(
                Query.query(Criteria.where("_id").is("tx-ibc-480")),
                new Update().set("category", "CERTIFICATION").set("highSchoolAttainable", true),
                CredentialDefinition.class);
    }
}
