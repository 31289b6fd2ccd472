package org.credfolio.learner;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.credfolio.organization.Account;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.shared.graphql.Batches;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class LearnerController {
    private final LearnerManagement learners;
    private final OrganizationManagement organizations;

    LearnerController(LearnerManagement learners, OrganizationManagement organizations) {
        this.learners = learners;
        this.organizations = organizations;
    }

    @QueryMapping
    Learner me() {
        return learners.me();
    }

    @QueryMapping
    Learner learner(@Argument String id) {
        return learners.get(id);
    }

    @QueryMapping
    Window<Learner> learners(@Argument @Valid LearnerFilter filter, ScrollSubrange subrange) {
        return learners.list(filter, subrange);
    }

    @MutationMapping
    Learner createLearner(@Argument @Valid LearnerInput input) {
        return learners.create(input);
    }

    @MutationMapping
    Learner updateLearner(@Argument String id, @Argument @Valid LearnerInput input) {
        return learners.update(id, input);
    }

    @MutationMapping
    Learner setLearnerDemographics(@Argument String id, @Argument DemographicsInput input) {
        return learners.setDemographics(id, input);
    }

    @MutationMapping
    Account createLearnerAccount(@Argument @Valid CreateLearnerAccountInput input) {
        return learners.createAccount(input.learnerId(), input.username(), input.password());
    }

    @SchemaMapping(typeName = "Learner", field = "demographics")
    Demographics demographics(Learner learner) {
        return learners.demographics(learner);
    }

    @BatchMapping(typeName = "Learner", field = "school")
    Map<Learner, Organization> school(List<Learner> list) {
        return Batches.one(list, Learner::schoolId, organizations::getAll, Organization::id);
    }

    @BatchMapping(typeName = "Learner", field = "district")
    Map<Learner, Organization> district(List<Learner> list) {
        return Batches.one(list, Learner::districtId, organizations::getAll, Organization::id);
    }
}
