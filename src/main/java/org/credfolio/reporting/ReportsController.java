package org.credfolio.reporting;

import java.util.List;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ReportsController {
    private final DistrictReports reports;
    private final CatalogManagement catalog;

    ReportsController(DistrictReports reports, CatalogManagement catalog) {
        this.reports = reports;
        this.catalog = catalog;
    }

    @QueryMapping
    CredentialAuditReport credentialAudit(@Argument String districtId) {
        return reports.audit(districtId);
    }

    @QueryMapping
    SupplyDemandReport supplyDemand(@Argument String districtId) {
        return reports.supplyDemand(districtId);
    }

    @QueryMapping
    EquityReport equity(@Argument String districtId) {
        return reports.equity(districtId);
    }

    @QueryMapping
    FundingReport funding(@Argument String districtId) {
        return reports.funding(districtId);
    }

    @SchemaMapping(typeName = "CredentialAuditReport", field = "keepCount")
    long keepCount(CredentialAuditReport report) {
        return report.count(Recommendation.KEEP);
    }

    @SchemaMapping(typeName = "CredentialAuditReport", field = "reviewCount")
    long reviewCount(CredentialAuditReport report) {
        return report.count(Recommendation.REVIEW);
    }

    @SchemaMapping(typeName = "CredentialAuditReport", field = "phaseOutCount")
    long phaseOutCount(CredentialAuditReport report) {
        return report.count(Recommendation.PHASE_OUT);
    }

    @SchemaMapping(typeName = "CredentialAuditRow", field = "credential")
    CredentialDefinition auditCredential(CredentialAuditReport.Row row) {
        return catalog.find(row.credentialId()).orElse(null);
    }

    @SchemaMapping(typeName = "SupplyDemandRow", field = "credential")
    CredentialDefinition supplyCredential(SupplyDemandReport.Row row) {
        return catalog.find(row.credentialId()).orElse(null);
    }

    @SchemaMapping(typeName = "SupplyDemandReport", field = "overlap")
    List<CredentialDefinition> overlap(SupplyDemandReport report) {
        return catalog.getAll(report.overlap());
    }
}
