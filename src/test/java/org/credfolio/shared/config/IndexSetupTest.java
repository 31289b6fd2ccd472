package org.credfolio.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.credfolio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The hot paths MongoDB must not answer by scanning have declared indexes, the start made them
 * (mode create), and mode verify refuses to start while one is missing, naming it.
 */
class IndexSetupTest extends IntegrationTest {
    @Autowired
    MongoOperations mongo;

    @Test
    void hotPathsHaveDeclaredIndexes() {
        List<String> declared = new IndexSetup(mongo, "off")
                .declared().stream()
                        .map(d -> d.collection() + " " + d.keys().toJson().replace(" ", ""))
                        .toList();
        assertThat(declared)
                .contains(
                        "awards {\"districtId\":1}",
                        "learners {\"districtId\":1,\"sortName\":1,\"_id\":1}",
                        "learners {\"schoolId\":1,\"sortName\":1,\"_id\":1}",
                        "endorsements {\"region\":1,\"credentialId\":1}",
                        "credit_rules {\"credentialId\":1,\"institutionId\":1}",
                        "credit_rules {\"ruleId\":1,\"version\":-1}",
                        "standing_decisions {\"learnerId\":1,\"decidedAt\":-1,\"_id\":1}",
                        "standing_decisions {\"institutionId\":1,\"decidedAt\":-1,\"_id\":1}",
                        "accounts {\"organizationId\":1,\"username\":1,\"_id\":1}",
                        "issuer_keys {\"organizationId\":1,\"status\":1}",
                        "used_challenges {\"expiresAt\":1}");
    }

    @Test
    void verifyPassesAfterTheStartAndNamesAMissingIndex() {
        new IndexSetup(mongo, "verify").afterSingletonsInstantiated();

        mongo.indexOps("learners").dropIndex("school_name");
        try {
            assertThatThrownBy(() -> new IndexSetup(mongo, "verify").afterSingletonsInstantiated())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("learners.school_name")
                    .hasMessageContaining("credfolio.store.indexes=create");
        } finally {
            new IndexSetup(mongo, "create").afterSingletonsInstantiated();
        }
        new IndexSetup(mongo, "verify").afterSingletonsInstantiated();
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> new IndexSetup(mongo, "sometimes"))
                .hasMessageContaining("credfolio.store.indexes must be create, verify or off");
    }
}
