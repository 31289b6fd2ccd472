package org.credfolio.sharing;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardStatus;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;

/** What a new share may hold and how long it may live; each refusal has its own code. */
final class ShareRules {
    static final int MAX_CREDENTIALS = 50;
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    static final Duration MAX_LIFETIME = Duration.ofDays(365);
    private static final String IDS = "input.earnedCredentialIds";

    private ShareRules() {}

    /** The chosen ids, each once, in the order given. */
    static List<String> chosenIds(List<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids == null ? List.of() : ids));
        if (distinct.isEmpty()) {
            throw new InvalidInputException("NO_CREDENTIALS_CHOSEN", IDS, "Choose at least one earned credential.");
        }
        if (distinct.size() > MAX_CREDENTIALS) {
            throw new InvalidInputException(
                    "TOO_MANY_CREDENTIALS", IDS, "A share holds at most " + MAX_CREDENTIALS + " credentials.");
        }
        return distinct;
    }

    static Instant expiry(OffsetDateTime requested, Instant now) {
        if (requested == null) {
            return now.plus(DEFAULT_LIFETIME);
        }
        Instant at = requested.toInstant();
        if (!at.isAfter(now)) {
            throw new InvalidInputException(
                    "EXPIRY_NOT_IN_FUTURE", "input.expiresAt", "The expiry must be in the future.");
        }
        if (at.isAfter(now.plus(MAX_LIFETIME))) {
            throw new InvalidInputException(
                    "EXPIRY_TOO_FAR", "input.expiresAt", "A share can last at most 365 days from now.");
        }
        return at;
    }

    /**
     * The awards in the order chosen, when every id is one of the caller's own (others are answered
     * as not found, so a share cannot probe other learners) and none is revoked.
     */
    static List<Award> ownAndShareable(List<String> ids, List<Award> own) {
        Map<String, Award> byId = own.stream().collect(Collectors.toMap(Award::id, Function.identity()));
        for (String id : ids) {
            Award award = byId.get(id);
            if (award == null) {
                throw new NotFoundException(
                        "EARNED_CREDENTIAL_NOT_FOUND", IDS, "You have no earned credential " + id + ".");
            }
            if (award.status() == AwardStatus.REVOKED) {
                throw new InvalidInputException(
                        "EARNED_CREDENTIAL_REVOKED",
                        IDS,
                        "The credential " + id + " was revoked and cannot be shared.");
            }
        }
        return ids.stream().map(byId::get).toList();
    }
}
