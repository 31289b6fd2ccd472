package org.credfolio.pathways;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.Occupation;
import org.credfolio.learner.Learner;
import org.credfolio.shared.graphql.Batches;
import org.credfolio.trust.CredentialForms;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class PathwaysController {
    private final ProgramsOfStudy programs;
    private final Enrollments enrollments;
    private final ComprehensiveLearnerRecords records;
    private final CatalogManagement catalog;

    PathwaysController(
            ProgramsOfStudy programs,
            Enrollments enrollments,
            ComprehensiveLearnerRecords records,
            CatalogManagement catalog) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.records = records;
        this.catalog = catalog;
    }

    @QueryMapping
    Window<ProgramOfStudy> programsOfStudy(@Argument String districtId, ScrollSubrange subrange) {
        return programs.list(districtId, subrange);
    }

    @QueryMapping
    ProgramOfStudy programOfStudy(@Argument String id) {
        return programs.find(id).orElse(null);
    }

    @QueryMapping
    List<ProgramEnrollment> myProgramsOfStudy() {
        return enrollments.mine();
    }

    @QueryMapping
    ComprehensiveLearnerRecords.SignedRecord comprehensiveLearnerRecord(@Argument String learnerId) {
        return records.export(learnerId);
    }

    @MutationMapping
    ProgramOfStudy createProgramOfStudy(@Argument @Valid ProgramInput input) {
        return programs.create(input);
    }

    @MutationMapping
    ProgramOfStudy updateProgramOfStudy(@Argument String id, @Argument @Valid ProgramInput input) {
        return programs.update(id, input);
    }

    @MutationMapping
    ProgramEnrollment enrollInProgramOfStudy(
            @Argument String learnerId, @Argument String programId, @Argument LocalDate enrolledOn) {
        return enrollments.enroll(learnerId, programId, enrolledOn);
    }

    @MutationMapping
    ProgramEnrollment recordCourseCompletion(@Argument @Valid CourseCompletionInput input) {
        return enrollments.recordCourse(input);
    }

    @MutationMapping
    ProgramEnrollment removeCourseCompletion(
            @Argument String learnerId, @Argument String programId, @Argument String courseCode) {
        return enrollments.removeCourse(learnerId, programId, courseCode);
    }

    @BatchMapping(typeName = "Learner", field = "programsOfStudy")
    Map<Learner, List<ProgramEnrollment>> programsOfStudy(List<Learner> learners) {
        Map<String, List<ProgramEnrollment>> byLearner = enrollments.forLearners(learners);
        return learners.stream()
                .collect(Collectors.toMap(l -> l, l -> byLearner.getOrDefault(l.id(), List.of()), (a, b) -> a));
    }

    @BatchMapping(typeName = "ProgramOfStudy", field = "targetOccupations")
    Map<ProgramOfStudy, List<Occupation>> targetOccupations(List<ProgramOfStudy> list) {
        return Batches.many(list, ProgramOfStudy::targetOccupations, catalog::occupations, Occupation::socCode);
    }

    @BatchMapping(typeName = "EmbeddedCredential", field = "credential")
    Map<ProgramOfStudy.EmbeddedCredential, CredentialDefinition> credential(
            List<ProgramOfStudy.EmbeddedCredential> list) {
        return Batches.one(
                list, ProgramOfStudy.EmbeddedCredential::credentialId, catalog::getAll, CredentialDefinition::id);
    }

    @SchemaMapping(typeName = "ComprehensiveLearnerRecord", field = "envelopedCredential")
    Map<String, Object> envelopedCredential(ComprehensiveLearnerRecords.SignedRecord record) {
        return CredentialForms.envelope(record.jwt());
    }
}
