package org.credfolio.celebrations;

import jakarta.validation.Valid;
import java.util.List;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class CelebrationController {
    private final CelebrationManagement celebrations;
    private final OrganizationManagement organizations;

    CelebrationController(CelebrationManagement celebrations, OrganizationManagement organizations) {
        this.celebrations = celebrations;
        this.organizations = organizations;
    }

    @MutationMapping
    Celebration publishCelebration(@Argument @Valid PublishCelebrationInput input) {
        return celebrations.publish(input);
    }

    @MutationMapping
    boolean withdrawCelebration(@Argument String id) {
        return celebrations.withdraw(id);
    }

    @QueryMapping
    List<Celebration> celebrations(@Argument String districtId) {
        return celebrations.list(districtId);
    }

    @SchemaMapping(typeName = "Celebration", field = "district")
    Organization district(Celebration celebration) {
        return organizations.get(celebration.districtId());
    }

    @SchemaMapping(typeName = "Celebration", field = "school")
    Organization school(Celebration celebration) {
        return celebration.schoolId() == null
                ? null
                : organizations.find(celebration.schoolId()).orElse(null);
    }
}
