package org.credfolio.pathways;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardStatus;

/**
 * Where a learner stands in a program of study, derived (never stored) from the courses they
 * completed and the credentials they hold, so it cannot drift from the record.
 *
 * <p>Stages follow Perkins V's secondary definitions: a participant has completed at least one
 * course of the program, a concentrator at least two; a completer has completed every course of
 * the sequence.
 *
 * @param nextCourse the first course of the sequence not yet completed; null for a completer
 * @param nextCredential the first embedded credential, in sequence order, the learner does not
 *     hold valid (never earned, expired, suspended or revoked); null when every one is held
 */
public record ProgramProgress(
        Stage stage,
        int coursesCompleted,
        int coursesInSequence,
        List<CredentialProgress> credentials,
        ProgramOfStudy.Course nextCourse,
        ProgramOfStudy.EmbeddedCredential nextCredential) {

    public enum Stage {
        ENROLLED,
        PARTICIPANT,
        CONCENTRATOR,
        COMPLETER
    }

    /** Whether the learner holds an embedded credential today. */
    public enum Holding {
        HELD,
        NOT_EARNED,
        EXPIRED,
        SUSPENDED,
        REVOKED
    }

    /** One embedded credential and the learner's standing on it. */
    public record CredentialProgress(ProgramOfStudy.EmbeddedCredential embedded, Holding holding, LocalDate earnedOn) {}

    static ProgramProgress of(
            ProgramOfStudy program,
            List<Enrollment.CompletedCourse> completedCourses,
            List<Award> awards,
            LocalDate today) {
        Set<String> sequence =
                program.courses().stream().map(ProgramOfStudy.Course::code).collect(Collectors.toSet());
        Set<String> completed = completedCourses.stream()
                .map(Enrollment.CompletedCourse::courseCode)
                .filter(sequence::contains)
                .collect(Collectors.toSet());
        List<CredentialProgress> credentials = program.embeddedCredentials().stream()
                .sorted(Comparator.comparingInt(e -> program.position(e.courseCode())))
                .map(e -> standing(e, awards, today))
                .toList();
        ProgramOfStudy.Course nextCourse = program.courses().stream()
                .filter(c -> !completed.contains(c.code()))
                .findFirst()
                .orElse(null);
        ProgramOfStudy.EmbeddedCredential nextCredential = credentials.stream()
                .filter(c -> c.holding() != Holding.HELD)
                .map(CredentialProgress::embedded)
                .findFirst()
                .orElse(null);
        return new ProgramProgress(
                stage(completed.size(), sequence.size()),
                completed.size(),
                sequence.size(),
                credentials,
                nextCourse,
                nextCredential);
    }

    private static Stage stage(int completed, int inSequence) {
        if (completed == 0) {
            return Stage.ENROLLED;
        }
        if (completed >= inSequence) {
            return Stage.COMPLETER;
        }
        return completed >= 2 ? Stage.CONCENTRATOR : Stage.PARTICIPANT;
    }

    /** The learner's best holding of the credential: a valid award beats an expired one, and so on. */
    private static CredentialProgress standing(
            ProgramOfStudy.EmbeddedCredential embedded, List<Award> awards, LocalDate today) {
        Optional<CredentialProgress> best = awards.stream()
                .filter(a -> a.credentialId().equals(embedded.credentialId()))
                .map(a -> new CredentialProgress(embedded, holding(a, today), a.earnedOn()))
                .min(Comparator.comparing(CredentialProgress::holding)
                        .thenComparing(CredentialProgress::earnedOn, Comparator.reverseOrder()));
        return best.orElse(new CredentialProgress(embedded, Holding.NOT_EARNED, null));
    }

    private static Holding holding(Award award, LocalDate today) {
        if (award.status() == AwardStatus.REVOKED) {
            return Holding.REVOKED;
        }
        if (award.status() == AwardStatus.SUSPENDED) {
            return Holding.SUSPENDED;
        }
        return award.expiresOn() != null && !award.expiresOn().isAfter(today) ? Holding.EXPIRED : Holding.HELD;
    }
}
