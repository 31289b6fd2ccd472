package org.credfolio.shared.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.bson.Document;

/**
 * Store writes shaped like the service's issuances and status changes, through the MongoDB driver.
 * An issuance pushes an award onto the learner's awards document (which the store rewrites whole,
 * growing), takes two indexes from a status list (a small document rewritten every time), inserts
 * their two status entries and inserts the signed credential (a few KB of JWT and Data Integrity
 * text). A status change sets an entry's bit, bumps its list's version and rewrites the award's
 * status inside the learner's document. Each of these is one write command, so on the durable store
 * one commit and fsync: seven commands per issuance and status change together.
 */
public final class IssuanceWorkload {
    private static final String DISTRICT = "district-1";
    private static final String LIST = "status-list-1";

    private MongoCollection<Document> awards;
    private MongoCollection<Document> issued;
    private MongoCollection<Document> lists;
    private MongoCollection<Document> entries;
    private final int learners;
    private final Random random;
    private int issuances;
    private final BitSet revoked = new BitSet();
    private int statusChanges;

    /** Spreads the awards over this many learners, random text from this seed. */
    public IssuanceWorkload(int learners, long seed) {
        this.learners = learners;
        this.random = new Random(seed);
    }

    /** Writes to (and verifies) this database from now on: the store after a restart, say. */
    public IssuanceWorkload connect(MongoDatabase db) {
        this.awards = db.getCollection("awards");
        this.issued = db.getCollection("issued_credentials");
        this.lists = db.getCollection("status_lists");
        this.entries = db.getCollection("status_list_entries");
        return this;
    }

    public int issuances() {
        return issuances;
    }

    public int statusChanges() {
        return statusChanges;
    }

    /** Records and issues the next award. */
    public void issue() {
        int n = issuances;
        String learnerId = learnerOf(n);
        String awardId = awardId(n);
        awards.updateOne(
                eq("_id", learnerId),
                combine(setOnInsert("districtId", DISTRICT), push("credentials", award(n, awardId))),
                new UpdateOptions().upsert(true));
        Document list = lists.findOneAndUpdate(
                eq("_id", LIST),
                combine(inc("allocated", 2), setOnInsert("version", 0L)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        int index = list.getInteger("allocated") - 2;
        entries.insertMany(List.of(entry(index, null), entry(index + 1, LIST + ":" + index)));
        issued.insertOne(new Document("_id", awardId)
                .append("learnerId", learnerId)
                .append("jwt", text(1_400))
                .append("ldpCredential", text(2_200))
                .append("status", new Document("listId", LIST).append("index", index))
                .append("issuedAt", Instant.now().toString()));
        issuances++;
    }

    /** Revokes an issued, not yet revoked award (at random); there must be one. */
    public void changeStatus() {
        int n;
        do {
            n = random.nextInt(issuances);
        } while (revoked.get(n));
        String awardId = awardId(n);
        Document credential = issued.find(eq("_id", awardId)).first();
        int index = credential.get("status", Document.class).getInteger("index");
        entries.updateOne(eq("_id", LIST + ":" + index), set("set", true));
        lists.updateOne(eq("_id", LIST), inc("version", 1L));
        awards.updateOne(
                and(eq("_id", learnerOf(n)), eq("credentials.id", awardId)),
                combine(
                        set("credentials.$.status", "REVOKED"),
                        set("credentials.$.statusReason", "issued in error"),
                        set("credentials.$.statusChangedAt", Instant.now().toString())));
        revoked.set(n);
        statusChanges++;
    }

    /** Fails unless the store holds exactly what this workload wrote. */
    public void verify() {
        check(issued.countDocuments() == issuances, "issued credentials: " + issued.countDocuments());
        check(entries.countDocuments() == 2L * issuances, "status entries: " + entries.countDocuments());
        check(entries.countDocuments(eq("set", true)) == statusChanges, "set status bits");
        Document list = lists.find(eq("_id", LIST)).first();
        check(list.getInteger("allocated") == 2 * issuances, "allocated: " + list);
        check(list.getLong("version") == statusChanges, "list version: " + list);
        int awarded = 0;
        for (Document learner : awards.find()) {
            for (Document award : learner.getList("credentials", Document.class)) {
                int n = Integer.parseInt(
                        award.getString("id").substring(award.getString("id").lastIndexOf('.') + 1));
                check(learner.getString("_id").equals(learnerOf(n)), "award " + n + " with " + learner.get("_id"));
                String expected = revoked.get(n) ? "REVOKED" : "ACTIVE";
                check(expected.equals(award.getString("status")), "status of award " + n);
                awarded++;
            }
        }
        check(awarded == issuances, "awards: " + awarded);
    }

    private String learnerOf(int n) {
        return "learner-%06d".formatted(n % learners);
    }

    private String awardId(int n) {
        return learnerOf(n) + "." + n;
    }

    private Document award(int n, String awardId) {
        LocalDate earned = LocalDate.of(2025, 1, 1).plusDays(n % 365);
        return new Document("id", awardId)
                .append("credentialId", "tx-ibc-" + (n % 400))
                .append("earnedOn", earned.toString())
                .append("expiresOn", earned.plusYears(3).toString())
                .append("result", "Pass")
                .append("evidenceUrl", "https://evidence.example.org/" + awardId)
                .append("examFee", new Document("payer", "DISTRICT").append("amount", "35.00"))
                .append("status", "ACTIVE")
                .append("recordedBy", "registrar@demo.credfolio.org")
                .append("recordedAt", Instant.now().toString())
                .append("dedupKey", "tx-ibc-" + (n % 400) + "@" + earned);
    }

    private static Document entry(int index, String suspensionEntry) {
        return new Document("_id", LIST + ":" + index)
                .append("listId", LIST)
                .append("index", index)
                .append("set", false)
                .append("suspensionEntry", suspensionEntry);
    }

    private String text(int length) {
        byte[] bytes = new byte[length * 3 / 4];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("The store does not hold what was written: " + what);
        }
    }
}
