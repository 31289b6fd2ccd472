package org.credfolio.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import org.bson.Document;
import org.credfolio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;

/** A date is stored as midnight UTC and read back as the same date, whatever the JVM's zone. */
class JavaTimeInUtcTest extends IntegrationTest {
    @Autowired
    MongoOperations mongo;

    record Dated(@Id String id, LocalDate day) {}

    @Test
    void aDateIsMidnightUtcInEveryZone() {
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            mongo.save(new Dated("kiritimati", LocalDate.of(2026, 6, 1)), "dated_test");
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            mongo.save(new Dated("los-angeles", LocalDate.of(2026, 6, 1)), "dated_test");

            for (String id : new String[] {"kiritimati", "los-angeles"}) {
                Document raw = mongo.findById(id, Document.class, "dated_test");
                assertThat(((Date) raw.get("day")).toInstant()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
                assertThat(mongo.findById(id, Dated.class, "dated_test").day()).isEqualTo(LocalDate.of(2026, 6, 1));
            }
        } finally {
            TimeZone.setDefault(zone);
        }
    }
}
