package org.credfolio.benchmark;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.awards.Award;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.Occupation;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Organization;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The same portfolio read straight from the store, with the queries the service issues for the
 * GraphQL query (learner by id, then in batches: school, awards document, catalog credentials,
 * occupations) and the same object mapping, but no HTTP, no GraphQL and no security.
 */
final class DirectPortfolioReader implements PortfolioRead {
    /** The stored shape of collection {@code awards}: all credentials of one learner. */
    record StoredAwards(@Id String learnerId, String districtId, List<Award> credentials) {}

    /** What the GraphQL query returns, assembled so that nothing read goes unused. */
    record Portfolio(
            String displayName,
            String school,
            List<Award> awards,
            Map<String, CredentialDefinition> credentials,
            Map<String, Occupation> occupations) {}

    private final MongoOperations mongo;
    private final int expectedCredentials;

    DirectPortfolioReader(MongoOperations mongo, int expectedCredentials) {
        this.mongo = mongo;
        this.expectedCredentials = expectedCredentials;
    }

    @Override
    public void read(String learnerId) {
        Portfolio portfolio = portfolio(learnerId);
        if (portfolio.awards().size() != expectedCredentials
                || portfolio.school() == null
                || !portfolio
                        .credentials()
                        .keySet()
                        .containsAll(portfolio.awards().stream()
                                .map(Award::credentialId)
                                .toList())) {
            throw new IllegalStateException("Incomplete portfolio for " + learnerId + ": " + portfolio);
        }
    }

    Portfolio portfolio(String learnerId) {
        Learner learner = mongo.findById(learnerId, Learner.class);
        if (learner == null) {
            throw new IllegalStateException("No learner " + learnerId);
        }
        Organization school =
                mongo.find(query(where("_id").in(Set.of(learner.schoolId()))), Organization.class).stream()
                        .findFirst()
                        .orElse(null);
        List<Award> awards =
                mongo.find(query(where("_id").in(Set.of(learnerId))), StoredAwards.class, "awards").stream()
                        .findFirst()
                        .map(StoredAwards::credentials)
                        .orElse(List.of());
        Map<String, CredentialDefinition> credentials = byId(
                mongo.find(
                        query(where("_id").in(ids(awards, a -> List.of(a.credentialId())))),
                        CredentialDefinition.class),
                CredentialDefinition::id);
        Map<String, Occupation> occupations = byId(
                mongo.find(
                        query(where("_id").in(ids(credentials.values(), CredentialDefinition::occupations))),
                        Occupation.class),
                Occupation::socCode);
        return new Portfolio(
                learner.displayName(), school == null ? null : school.name(), awards, credentials, occupations);
    }

    private static <T> Set<String> ids(java.util.Collection<T> items, Function<T, List<String>> refs) {
        return items.stream().flatMap(t -> refs.apply(t).stream()).collect(Collectors.toSet());
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
    }
}
