package org.credfolio.imports;

import java.util.List;
import java.util.Map;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.shared.graphql.Batches;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** {@code importJob} and {@code importJobs}. */
@Controller
class ImportJobController {
    private final ImportJobs jobs;
    private final OrganizationManagement organizations;

    ImportJobController(ImportJobs jobs, OrganizationManagement organizations) {
        this.jobs = jobs;
        this.organizations = organizations;
    }

    @QueryMapping
    ImportJob importJob(@Argument String id) {
        return jobs.get(id);
    }

    @QueryMapping
    Window<ImportJob> importJobs(@Argument String districtId, ScrollSubrange subrange) {
        return jobs.list(districtId, subrange);
    }

    @SchemaMapping(typeName = "ImportJob", field = "problemsUrl")
    String problemsUrl(ImportJob job) {
        return "/imports/" + job.id() + "/problems.csv";
    }

    @BatchMapping(typeName = "ImportJob", field = "district")
    Map<ImportJob, Organization> district(List<ImportJob> list) {
        return Batches.one(list, ImportJob::districtId, organizations::getAll, Organization::id);
    }
}
