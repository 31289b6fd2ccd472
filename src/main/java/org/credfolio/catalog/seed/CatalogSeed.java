package org.credfolio.catalog.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialOccupationLink;
import org.credfolio.catalog.OccupationRole;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;

/**
 * The platform credential catalog from the Texas Education Agency lists (names and codes only)
 * joined with the project's curated details and occupation links.
 */
public final class CatalogSeed {
    public static final String CREDENTIAL_PREFIX = "tx-ibc-";
    static final String VENDOR_PREFIX = "tx-vendor-";

    private CatalogSeed() {}

    public record Catalog(
            List<Organization> certifyingBodies,
            List<CredentialDefinition> credentials,
            List<CredentialOccupationLink> occupationLinks) {}

    public static Catalog load(Instant now) {
        List<Organization> vendors = vendors(SeedFiles.csv("tx_tea/tea_ibc_vendor_codes.csv"), now);
        List<CredentialOccupationLink> links = links(SeedFiles.csv("credential_occupations.csv"));
        List<CredentialDefinition> credentials = credentials(
                SeedFiles.csv("tx_tea/tea_ibc_postsecondary_certification_licensure_codes.csv"),
                byCode(SeedFiles.csv("credential_details.csv")),
                links,
                vendorNames(vendors),
                now);
        return new Catalog(vendors, credentials, links);
    }

    /** The Texas CTE programs of study, by name. */
    public static List<String> programsOfStudy() {
        return SeedFiles.csv("tx_tea/tea_cte_program_of_study_codes.csv").stream()
                .map(row -> row.get("short_description").strip())
                .toList();
    }

    static List<Organization> vendors(List<Map<String, String>> rows, Instant now) {
        return rows.stream()
                .map(row -> new Organization(
                        VENDOR_PREFIX + row.get("code_value").strip(),
                        OrganizationType.CERTIFYING_BODY,
                        row.get("short_description").strip(),
                        null,
                        null,
                        null,
                        row.get("code_value").strip(),
                        now))
                .toList();
    }

    /** A CTDL term (isRequiredFor, isRecommendedFor, isPreparationFor); blank: not recorded. */
    static OccupationRole role(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(OccupationRole.values())
                .filter(r -> r.term().equals(cell.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown occupation role in the seed: " + cell));
    }

    static List<CredentialOccupationLink> links(List<Map<String, String>> rows) {
        return rows.stream()
                .map(row -> CredentialOccupationLink.of(
                        credentialId(row.get("tea_code")),
                        row.get("soc_code").strip(),
                        row.get("source_note").strip(),
                        role(row.get("role"))))
                .toList();
    }

    static List<CredentialDefinition> credentials(
            List<Map<String, String>> teaRows,
            Map<String, Map<String, String>> details,
            List<CredentialOccupationLink> links,
            Map<String, String> vendorNames,
            Instant now) {
        Map<String, List<String>> socByCredential = new HashMap<>();
        links.forEach(link -> socByCredential
                .computeIfAbsent(link.credentialId(), id -> new ArrayList<>())
                .add(link.socCode()));
        List<CredentialDefinition> credentials = new ArrayList<>();
        for (Map<String, String> row : teaRows) {
            String code = row.get("code_value").strip();
            Map<String, String> detail = details.getOrDefault(code, Map.of());
            List<String> occupations = socByCredential.getOrDefault(credentialId(code), List.of());
            credentials.add(CuratedDetails.definition(
                    code, row.get("short_description").strip(), detail, occupations, vendorNames, now));
        }
        return credentials;
    }

    public static String credentialId(String teaCode) {
        return CREDENTIAL_PREFIX + teaCode.strip();
    }

    private static Map<String, Map<String, String>> byCode(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        rows.forEach(row -> byCode.put(row.get("tea_code").strip(), row));
        return byCode;
    }

    private static Map<String, String> vendorNames(List<Organization> vendors) {
        Map<String, String> names = new HashMap<>();
        vendors.forEach(v -> names.put(v.id(), v.name()));
        return names;
    }
}
