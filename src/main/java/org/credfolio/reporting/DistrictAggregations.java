package org.credfolio.reporting;

import static java.util.Map.entry;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.ReadPreference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.credfolio.shared.error.ConflictException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The aggregation pipelines behind the district reports. They run in MongoDB and hand back one row
 * per credential, fee or learner group, never one per learner, so a report's memory here does not
 * grow with the district.
 *
 * <p>Reporting is a read model: it reads the {@code learners} and {@code awards} documents by their
 * stored field names, which the awards and learner modules own.
 */
@Component
class DistrictAggregations {
    static final String LEARNERS = "learners";
    static final String AWARDS = "awards";
    /** An awards document's credentials; an empty list when it has none. */
    private static final Document CREDENTIALS = new Document("$ifNull", List.of("$credentials", List.of()));
    /**
     * Whether the award bound as {@code $$c} counts. Revoked awards were never validly earned;
     * expired and suspended ones were.
     */
    private static final Document NOT_REVOKED = new Document("$ne", List.of("$$c.status", "REVOKED"));

    private final MongoOperations mongo;
    private final ReportProperties properties;

    DistrictAggregations(MongoOperations mongo, ReportProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** Per credential: learners who earned it and awards recorded. */
    record CredentialCount(String credentialId, long earners, long awards) {}

    List<CredentialCount> credentialCounts(String districtId) {
        // Each learner's awards document is first reduced to the ids it holds, once per award and
        // once per distinct credential, so only short strings are unwound and grouped: grouping
        // whole award subdocuments by credential and learner took 3.8x a plain count on 100,000
        // learners.
        Document awardsOfThisCredential =
                new Document("$size", filter("$earned", "id", new Document("$eq", List.of("$$id", "$distinct"))));
        List<Document> pipeline = List.of(
                new Document("$match", new Document("districtId", districtId)),
                new Document("$project", new Document("_id", 0).append("earned", earnedIds(CREDENTIALS))),
                new Document(
                        "$addFields",
                        new Document("distinct", new Document("$setUnion", List.of("$earned", List.of())))),
                new Document("$unwind", "$distinct"),
                new Document(
                        "$group",
                        new Document("_id", "$distinct")
                                .append("earners", new Document("$sum", 1))
                                .append("awards", new Document("$sum", awardsOfThisCredential))));
        List<CredentialCount> rows = new ArrayList<>();
        for (Document row : run(AWARDS, pipeline)) {
            rows.add(new CredentialCount(row.getString("_id"), number(row, "earners"), number(row, "awards")));
        }
        return rows;
    }

    long learnerCount(String districtId) {
        return mongo.getCollection(LEARNERS).countDocuments(new Document("districtId", districtId));
    }

    /** Exams paid by one payer at one amount, and the learners they served. */
    record FeeRow(String payer, BigDecimal amount, long exams) {}

    record PayerLearners(String payer, long learners) {}

    /** @param learnersServed learners with an exam paid by anyone but their family */
    record Fees(List<FeeRow> byAmount, List<PayerLearners> learnersByPayer, long learnersServed) {}

    /**
     * Amounts are grouped by value and summed here in exact decimal arithmetic: an exam fee takes
     * few distinct values, and stored decimals need no numeric conversion in the pipeline.
     */
    Fees fees(String districtId) {
        // Reduced per learner first (the fees paid and the distinct payers), so only those small
        // values are unwound and grouped, and learners per payer need no group by learner.
        Document feePaid =
                new Document("$ne", List.of(new Document("$ifNull", List.of("$$c.examFee.payer", "NONE")), "NONE"));
        Document fees = map(
                filter(CREDENTIALS, "c", new Document("$and", List.of(NOT_REVOKED, feePaid))),
                "c",
                new Document("payer", "$$c.examFee.payer").append("amount", "$$c.examFee.amount"));
        Document payers = new Document("$setUnion", List.of(map("$fees", "f", "$$f.payer"), List.of()));
        List<Document> pipeline = List.of(
                new Document("$match", new Document("districtId", districtId)),
                new Document("$project", new Document("_id", 0).append("fees", fees)),
                new Document("$addFields", new Document("payers", payers)),
                new Document(
                        "$addFields",
                        new Document(
                                "served",
                                oneIfNotEmpty(new Document("$setDifference", List.of("$payers", List.of("FAMILY")))))),
                new Document(
                        "$facet",
                        new Document(
                                        "byAmount",
                                        List.of(
                                                new Document("$unwind", "$fees"),
                                                new Document(
                                                        "$group",
                                                        new Document(
                                                                        "_id",
                                                                        new Document("payer", "$fees.payer")
                                                                                .append("amount", "$fees.amount"))
                                                                .append("exams", new Document("$sum", 1)))))
                                .append(
                                        "byPayer",
                                        List.of(
                                                new Document("$unwind", "$payers"),
                                                new Document(
                                                        "$group",
                                                        new Document("_id", "$payers")
                                                                .append("learners", new Document("$sum", 1)))))
                                .append(
                                        "served",
                                        List.of(new Document(
                                                "$group",
                                                new Document("_id", null)
                                                        .append("learners", new Document("$sum", "$served")))))));
        Document facets = run(AWARDS, pipeline).stream().findFirst().orElse(new Document());
        List<FeeRow> byAmount = new ArrayList<>();
        for (Document row : facets.getList("byAmount", Document.class, List.of())) {
            Document id = row.get("_id", Document.class);
            Object amount = id.get("amount");
            byAmount.add(new FeeRow(
                    id.getString("payer"),
                    amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString()),
                    number(row, "exams")));
        }
        List<PayerLearners> learners = new ArrayList<>();
        for (Document row : facets.getList("byPayer", Document.class, List.of())) {
            learners.add(new PayerLearners(row.getString("_id"), number(row, "learners")));
        }
        List<Document> served = facets.getList("served", Document.class, List.of());
        return new Fees(byAmount, learners, served.isEmpty() ? 0 : number(served.get(0), "learners"));
    }

    /** Learners of one group of one dimension, how many earned any credential and a high-value one. */
    record GroupCount(String dimension, String group, long learners, long attained, long highValue) {}

    /** Each demographic field, plus CTE participation, as a learner grouping. */
    static final Map<String, Object> DIMENSIONS = Map.ofEntries(
            entry("raceEthnicity", reported("$demographics.raceEthnicity")),
            entry("gender", reported("$demographics.gender")),
            entry("economicallyDisadvantaged", yesNo("$demographics.economicallyDisadvantaged")),
            entry("englishLearner", yesNo("$demographics.englishLearner")),
            entry("disability", yesNo("$demographics.disability")),
            entry(
                    "cteParticipant",
                    new Document(
                            "$cond",
                            List.of(
                                    new Document(
                                            "$gt",
                                            List.of(
                                                    new Document(
                                                            "$size",
                                                            new Document(
                                                                    "$ifNull", List.of("$ctePathways", List.of()))),
                                                    0)),
                                    "YES",
                                    "NO"))),
            entry("all", "ALL"));

    /**
     * One pass over the district's learners: each is joined to its awards document by {@code _id}
     * (the learner id), reduced to two flags, and counted into every dimension at once.
     */
    List<GroupCount> equity(String districtId, Collection<String> highValueCredentialIds) {
        Document flags = new Document();
        DIMENSIONS.forEach(flags::append);
        flags.append("earned", earnedIds(new Document("$ifNull", List.of("$award.credentials", List.of()))));
        Document facets = new Document();
        DIMENSIONS
                .keySet()
                .forEach(dimension -> facets.append(
                        dimension,
                        List.of(new Document(
                                "$group",
                                new Document("_id", "$" + dimension)
                                        .append("learners", new Document("$sum", 1))
                                        .append("attained", new Document("$sum", "$attained"))
                                        .append("highValue", new Document("$sum", "$highValue"))))));
        List<Document> pipeline = List.of(
                new Document("$match", new Document("districtId", districtId)),
                new Document(
                        "$lookup",
                        new Document("from", AWARDS)
                                .append("localField", "_id")
                                .append("foreignField", "_id")
                                .append("as", "awards")),
                // At most one awards document per learner: its _id is the learner id.
                new Document("$addFields", new Document("award", new Document("$arrayElemAt", List.of("$awards", 0)))),
                new Document("$project", flags),
                new Document(
                        "$addFields",
                        new Document("attained", oneIfNotEmpty("$earned"))
                                .append(
                                        "highValue",
                                        oneIfNotEmpty(new Document(
                                                "$setIntersection",
                                                List.of("$earned", List.copyOf(highValueCredentialIds)))))),
                new Document("$facet", facets));
        Document result = run(LEARNERS, pipeline).stream().findFirst().orElse(new Document());
        List<GroupCount> counts = new ArrayList<>();
        DIMENSIONS.keySet().forEach(dimension -> {
            for (Document row : result.getList(dimension, Document.class, List.of())) {
                counts.add(new GroupCount(
                        dimension,
                        String.valueOf(row.get("_id")),
                        number(row, "learners"),
                        number(row, "attained"),
                        number(row, "highValue")));
            }
        });
        return counts;
    }

    /** The credential ids of an awards document's credentials that were not revoked, one per award. */
    private static Document earnedIds(Object credentials) {
        return map(filter(credentials, "c", NOT_REVOKED), "c", "$$c.credentialId");
    }

    private static Document filter(Object input, String as, Document cond) {
        return new Document(
                "$filter", new Document("input", input).append("as", as).append("cond", cond));
    }

    private static Document map(Object input, String as, Object in) {
        return new Document(
                "$map", new Document("input", input).append("as", as).append("in", in));
    }

    private static Document reported(String field) {
        return new Document("$ifNull", List.of(field, "NOT_REPORTED"));
    }

    private static Document yesNo(String field) {
        return new Document(
                "$cond",
                List.of(
                        new Document("$eq", List.of(field, true)),
                        "YES",
                        new Document(
                                "$cond", List.of(new Document("$eq", List.of(field, false)), "NO", "NOT_REPORTED"))));
    }

    private static Document oneIfNotEmpty(Object array) {
        return new Document("$cond", List.of(new Document("$gt", List.of(new Document("$size", array), 0)), 1, 0));
    }

    /**
     * Runs a report pipeline with a server-side time limit, so that a request the API gave up on
     * does not keep MongoDB busy, and on a secondary where the deployment has one: reports may read
     * data a moment old, and keep that load off the primary that takes the writes.
     */
    private List<Document> run(String collection, List<Document> pipeline) {
        try {
            return mongo.getCollection(collection)
                    .withReadPreference(ReadPreference.secondaryPreferred())
                    .aggregate(pipeline)
                    .allowDiskUse(true)
                    .maxTime(properties.maxTime().toMillis(), TimeUnit.MILLISECONDS)
                    .into(new ArrayList<>());
        } catch (MongoExecutionTimeoutException e) {
            throw new ConflictException(
                    "REPORT_TIMED_OUT",
                    null,
                    "The report took longer than " + properties.maxTime().toSeconds()
                            + " seconds and was stopped; try again later or ask your administrator.");
        }
    }

    private static long number(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
