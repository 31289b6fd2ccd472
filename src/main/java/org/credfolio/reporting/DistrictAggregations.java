package org.credfolio.reporting;

import static java.util.Map.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
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
    /** Revoked awards were never validly earned; expired and suspended ones were. */
    private static final Document NOT_REVOKED = new Document("credentials.status", new Document("$ne", "REVOKED"));

    private final MongoOperations mongo;

    DistrictAggregations(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Per credential: learners who earned it and awards recorded. */
    record CredentialCount(String credentialId, long earners, long awards) {}

    List<CredentialCount> credentialCounts(String districtId) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("districtId", districtId)),
                new Document("$unwind", "$credentials"),
                new Document("$match", NOT_REVOKED),
                new Document(
                        "$group",
                        new Document(
                                        "_id",
                                        new Document("credential", "$credentials.credentialId")
                                                .append("learner", "$_id"))
                                .append("awards", new Document("$sum", 1))),
                new Document(
                        "$group",
                        new Document("_id", "$_id.credential")
                                .append("earners", new Document("$sum", 1))
                                .append("awards", new Document("$sum", "$awards"))));
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
        String payer = "$credentials.examFee.payer";
        List<Document> pipeline = List.of(
                new Document("$match", new Document("districtId", districtId)),
                new Document("$unwind", "$credentials"),
                new Document("$match", NOT_REVOKED),
                new Document("$match", new Document("credentials.examFee.payer", new Document("$ne", null))),
                new Document(
                        "$facet",
                        new Document(
                                        "byAmount",
                                        List.of(new Document(
                                                "$group",
                                                new Document(
                                                                "_id",
                                                                new Document("payer", payer)
                                                                        .append(
                                                                                "amount",
                                                                                "$credentials.examFee.amount"))
                                                        .append("exams", new Document("$sum", 1)))))
                                .append(
                                        "byPayer",
                                        List.of(
                                                new Document(
                                                        "$group",
                                                        new Document(
                                                                "_id",
                                                                new Document("payer", payer)
                                                                        .append("learner", "$_id"))),
                                                new Document(
                                                        "$group",
                                                        new Document("_id", "$_id.payer")
                                                                .append("learners", new Document("$sum", 1)))))
                                .append(
                                        "served",
                                        List.of(
                                                new Document(
                                                        "$match",
                                                        new Document(
                                                                "credentials.examFee.payer",
                                                                new Document("$ne", "FAMILY"))),
                                                new Document("$group", new Document("_id", "$_id")),
                                                new Document("$count", "learners")))));
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
        Document earnedIds = new Document(
                "$map",
                new Document(
                                "input",
                                new Document(
                                        "$filter",
                                        new Document(
                                                        "input",
                                                        new Document(
                                                                "$ifNull", List.of("$award.credentials", List.of())))
                                                .append("as", "c")
                                                .append("cond", new Document("$ne", List.of("$$c.status", "REVOKED")))))
                        .append("as", "c")
                        .append("in", "$$c.credentialId"));
        Document flags = new Document();
        DIMENSIONS.forEach(flags::append);
        flags.append("earned", earnedIds);
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

    private List<Document> run(String collection, List<Document> pipeline) {
        return mongo.getCollection(collection)
                .aggregate(pipeline)
                .allowDiskUse(true)
                .into(new ArrayList<>());
    }

    private static long number(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
