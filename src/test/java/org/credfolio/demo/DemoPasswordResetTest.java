package org.credfolio.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.credfolio.awards.AwardSeeding;
import org.credfolio.support.DemoDataTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A lost demo password is reset by starting with credfolio.demo.password set; no data is lost. */
class DemoPasswordResetTest extends DemoDataTest {
    @Autowired
    MongoOperations mongo;

    @Autowired
    AwardSeeding awardSeeding;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aDemoPasswordIsResetWithoutDeletingData() {
        long learners = mongo.count(new Query(), "learners");
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is("demo-account-registrar")),
                Update.update("passwordHash", encoder.encode("a-forgotten-password")),
                "accounts");
        DemoDataWriter writer = new DemoDataWriter(mongo, awardSeeding);

        assertThat(writer.resetDemoPasswords(PASSWORD, encoder)).isEqualTo(1);
        assertThat(writer.resetDemoPasswords(PASSWORD, encoder)).isZero();
        assertThat(token("registrar")).isNotBlank();
        assertThat(mongo.count(new Query(), "learners")).isEqualTo(learners);
    }
}
