package org.credfolio.crosswalks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.credfolio.identity.IdentityVerification;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.PresentationVerification;
import org.credfolio.trust.verification.PresentationVerifier;
import org.credfolio.trust.verification.VerificationCheck;
import org.springframework.stereotype.Service;

/**
 * Advanced standing: what a college's rules grant for the credentials a learner presents. Every
 * credential is verified first; one that does not verify earns nothing, and the reason is given.
 * Then the rules in effect on the evaluation date apply: program, minimum result, how recently it
 * was earned, whether it must still be valid; one course is granted once however many credentials
 * map to it, and a rule's cap per program holds. Public, like the rules: a learner can see what a
 * college would grant before applying.
 *
 * <p>A presentation may also carry the learner's identity, disclosed to this college and vouched
 * for by the learner's district ({@link IdentityVerification}): it earns nothing and is checked on
 * its own.
 */
@Service
public class AdvancedStanding {
    static final String ACHIEVEMENT_PREFIX = "urn:credfolio:achievement:";
    private final PresentationVerifier presentations;
    private final CreditRules rules;
    private final IdentityVerification identities;

    AdvancedStanding(PresentationVerifier presentations, CreditRules rules, IdentityVerification identities) {
        this.presentations = presentations;
        this.rules = rules;
        this.identities = identities;
    }

    /** One course credit granted, and the rule version behind it. */
    public record Grant(String credentialId, String achievementName, CreditRule rule, BigDecimal credits) {}

    /** A presented credential that earned nothing, and why. */
    public record Denial(String credentialId, String achievementName, String code, String reason) {}

    public record Evaluation(
            String institutionId,
            String holder,
            String program,
            LocalDate evaluatedOn,
            boolean presentationVerified,
            List<VerificationCheck> presentationChecks,
            List<Grant> grants,
            List<Denial> denied,
            IdentityVerification.Outcome identity) {}

    public Evaluation evaluate(
            String presentation, String challenge, String domain, String institutionId, String program, LocalDate on) {
        PresentationVerification verified = presentations.verifyPresentation(presentation, challenge, domain);
        boolean presentationOk = verified.checks().stream().allMatch(VerificationCheck::passed);
        List<Grant> grants = new ArrayList<>();
        List<Denial> denied = new ArrayList<>();
        if (!presentationOk) {
            String why = verified.checks().stream()
                    .filter(c -> !c.passed())
                    .map(VerificationCheck::reason)
                    .collect(Collectors.joining(" "));
            for (CredentialVerification c : verified.credentials()) {
                if (!IdentityVerification.isIdentityCredential(c)) {
                    denied.add(denial(c, null, "PRESENTATION_NOT_VERIFIED", "The presentation did not verify: " + why));
                }
            }
            return new Evaluation(
                    institutionId,
                    verified.holder(),
                    program,
                    on,
                    false,
                    verified.checks(),
                    grants,
                    denied,
                    IdentityVerification.ofUnverifiedPresentation(verified.credentials()));
        }
        Map<String, List<CreditRule>> rules = rulesInEffect(institutionId, program, on);
        Map<String, String> grantedCourses = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CredentialVerification credential : verified.credentials()) {
            if (IdentityVerification.isIdentityCredential(credential)) {
                continue; // who the holder is, not something earned: checked below
            }
            Presented presented = Presented.of(credential);
            String unusable = presented.whyUnusable(credential);
            if (unusable != null) {
                denied.add(denial(credential, presented.credentialId, "NOT_VERIFIED", unusable));
                continue;
            }
            List<CreditRule> candidates = rules.getOrDefault(presented.credentialId, List.of());
            if (candidates.isEmpty()) {
                denied.add(denial(
                        credential,
                        presented.credentialId,
                        "NO_RULE",
                        "No rule of this college for it" + (program == null ? "" : " in " + program)
                                + " is in effect on " + on + "."));
                continue;
            }
            Denial firstRefusal = null;
            Grant grant = null;
            for (CreditRule rule : candidates) {
                String refusal = presented.refusalBy(rule, on);
                if (refusal == null) {
                    grant = new Grant(presented.credentialId, presented.name, rule, rule.credits());
                    break;
                }
                if (firstRefusal == null) {
                    firstRefusal = denial(
                            credential,
                            presented.credentialId,
                            refusal.split(":", 2)[0],
                            refusal.split(":", 2)[1].strip());
                }
            }
            if (grant == null) {
                denied.add(firstRefusal);
                continue;
            }
            CreditRule rule = grant.rule();
            String already = grantedCourses.get(rule.courseCode());
            if (already != null) {
                denied.add(denial(
                        credential,
                        presented.credentialId,
                        "COURSE_ALREADY_GRANTED",
                        rule.courseCode() + " is already granted for " + already + "; a course counts once."));
                continue;
            }
            BigDecimal credits = rule.credits();
            if (rule.capPerProgram() != null) {
                // The cap bounds all credit by credential toward the program once this rule applies.
                BigDecimal left = rule.capPerProgram().subtract(total);
                if (left.signum() <= 0) {
                    denied.add(denial(
                            credential,
                            presented.credentialId,
                            "CAP_REACHED",
                            "The rule allows at most " + rule.capPerProgram()
                                    + " credits by credential toward the program; that is reached."));
                    continue;
                }
                credits = credits.min(left);
            }
            total = total.add(credits);
            grantedCourses.put(rule.courseCode(), presented.name);
            grants.add(new Grant(presented.credentialId, presented.name, rule, credits));
        }
        return new Evaluation(
                institutionId,
                verified.holder(),
                program,
                on,
                true,
                verified.checks(),
                grants,
                denied,
                identities.check(verified.credentials(), verified.holder(), institutionId));
    }

    /** Latest version of each of the institution's rules in effect on the date, by credential, largest credit first. */
    private Map<String, List<CreditRule>> rulesInEffect(String institutionId, String program, LocalDate on) {
        return rules.ofInstitution(institutionId).stream()
                .filter(r -> r.inEffectOn(on))
                .filter(r -> program == null
                        || r.programs().isEmpty()
                        || r.programs().contains(program))
                .collect(Collectors.toMap(CreditRule::ruleId, r -> r, (a, b) -> a.version() >= b.version() ? a : b))
                .values()
                .stream()
                .sorted(Comparator.comparing(CreditRule::credits).reversed().thenComparing(CreditRule::id))
                .collect(Collectors.groupingBy(CreditRule::credentialId));
    }

    private static Denial denial(CredentialVerification c, String credentialId, String code, String reason) {
        String name = c.summary() == null ? null : c.summary().achievementName();
        return new Denial(credentialId, name, code, reason);
    }

    /** What the evaluation needs from one presented, signature-checked credential. */
    private record Presented(String credentialId, String name, LocalDate earnedOn, String result, boolean expired) {
        static Presented of(CredentialVerification c) {
            CredentialSummary summary = c.summary();
            String credentialId = null;
            String result = null;
            Map<String, Object> content = c.credential() == null ? Map.of() : c.credential();
            if (content.get("credentialSubject") instanceof Map<?, ?> s) {
                if (s.get("achievement") instanceof Map<?, ?> a
                        && a.get("id") instanceof String id
                        && id.startsWith(ACHIEVEMENT_PREFIX)) {
                    credentialId = id.substring(ACHIEVEMENT_PREFIX.length());
                }
                if (s.get("result") instanceof List<?> results
                        && !results.isEmpty()
                        && results.get(0) instanceof Map<?, ?> r
                        && r.get("value") != null) {
                    result = String.valueOf(r.get("value"));
                }
            }
            LocalDate earned = summary == null || summary.validFrom() == null
                    ? null
                    : OffsetDateTime.parse(summary.validFrom())
                            .atZoneSameInstant(ZoneOffset.UTC)
                            .toLocalDate();
            boolean expired = summary != null && summary.status() == CredentialSummary.Status.EXPIRED;
            return new Presented(
                    credentialId, summary == null ? null : summary.achievementName(), earned, result, expired);
        }

        /**
         * Null when the credential may earn credit: verified, or failing only because it expired (a
         * rule that does not require validity may still grant it). Otherwise the reason.
         */
        String whyUnusable(CredentialVerification c) {
            List<VerificationCheck> failed =
                    c.checks().stream().filter(v -> !v.passed()).toList();
            boolean onlyExpired =
                    expired && failed.stream().allMatch(v -> v.name().equals("validity"));
            if (!c.verified() && !onlyExpired) {
                return "It did not verify: "
                        + failed.stream().map(VerificationCheck::reason).collect(Collectors.joining(" "));
            }
            return credentialId == null ? "It is not a credential of this service's catalog." : null;
        }

        /** Null when the rule grants it, else "CODE: reason". */
        String refusalBy(CreditRule rule, LocalDate on) {
            if (rule.mustBeValid() && expired) {
                return "EXPIRED: The rule requires a credential that is still valid; this one expired.";
            }
            if (rule.earnedWithinMonths() != null
                    && (earnedOn == null || earnedOn.isBefore(on.minusMonths(rule.earnedWithinMonths())))) {
                return "EARNED_TOO_LONG_AGO: The rule requires it earned within " + rule.earnedWithinMonths()
                        + " months of " + on + "; it was earned on " + earnedOn + ".";
            }
            if (rule.minimumResult() != null) {
                BigDecimal score;
                try {
                    score = result == null ? null : new BigDecimal(result.strip());
                } catch (NumberFormatException e) {
                    score = null;
                }
                if (score == null) {
                    return "NO_RESULT: The rule requires a result of at least " + rule.minimumResult()
                            + "; the credential reports no numeric result.";
                }
                if (score.compareTo(rule.minimumResult()) < 0) {
                    return "RESULT_BELOW_MINIMUM: The rule requires a result of at least " + rule.minimumResult()
                            + "; the credential reports " + score + ".";
                }
            }
            return null;
        }
    }
}
