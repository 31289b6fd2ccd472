package org.credfolio.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.Portability;
import org.credfolio.learner.Demographics;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Account;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.security.Role;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds a fresh, isolated world for a test: two districts (A and B) with a school each, a college,
 * an employer, a catalog credential, a learner in each district and one user per role. Ids are
 * random so test classes sharing a context never collide.
 */
public class Tenants {
    private final MongoOperations mongo;
    private final PasswordEncoder passwords;

    Tenants(MongoOperations mongo, PasswordEncoder passwords) {
        this.mongo = mongo;
        this.passwords = passwords;
    }

    public record User(String username, String password, Role role, String organizationId) {}

    public record World(
            Organization districtA,
            Organization schoolA,
            Organization districtB,
            Organization schoolB,
            Organization college,
            Organization employer,
            CredentialDefinition welding,
            CredentialDefinition aPlus,
            Learner learnerA,
            Learner learnerB,
            User learner,
            User educatorA,
            User registrarA,
            User districtAdminA,
            User registrarB,
            User districtAdminB,
            User collegeUser,
            User employerUser,
            User platformAdmin) {}

    public World create() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String hash = passwords.encode(password);
        Organization districtA = org(OrganizationType.DISTRICT, "District A " + run, null);
        Organization schoolA = org(OrganizationType.SCHOOL, "School A " + run, districtA.id());
        Organization districtB = org(OrganizationType.DISTRICT, "District B " + run, null);
        Organization schoolB = org(OrganizationType.SCHOOL, "School B " + run, districtB.id());
        Organization college = org(OrganizationType.COLLEGE, "College " + run, null);
        Organization employer = org(OrganizationType.EMPLOYER, "Employer " + run, null);
        mongo.save(new Occupation(
                "51-4121",
                "Welders, Cutters, Solderers, and Brazers",
                null,
                51000,
                null,
                45000,
                2.0,
                2,
                null,
                null,
                List.of()));
        CredentialDefinition welding = credential("AWS Certified Welder " + run, 6);
        CredentialDefinition aPlus = credential("CompTIA A+ " + run, 36);
        Learner learnerA = learner(districtA, schoolA, "Ana", "Alvarez");
        Learner learnerB = learner(districtB, schoolB, "Ben", "Brown");
        return new World(
                districtA,
                schoolA,
                districtB,
                schoolB,
                college,
                employer,
                welding,
                aPlus,
                learnerA,
                learnerB,
                user(run, Role.LEARNER, schoolA.id(), learnerA.id(), password, hash),
                user(run, Role.EDUCATOR, schoolA.id(), null, password, hash),
                user(run, Role.REGISTRAR, districtA.id(), null, password, hash),
                user(run, Role.DISTRICT_ADMIN, districtA.id(), null, password, hash),
                user(run + "b", Role.REGISTRAR, districtB.id(), null, password, hash),
                user(run + "b", Role.DISTRICT_ADMIN, districtB.id(), null, password, hash),
                user(run, Role.COLLEGE, college.id(), null, password, hash),
                user(run, Role.EMPLOYER, employer.id(), null, password, hash),
                user(run, Role.PLATFORM_ADMIN, null, null, password, hash));
    }

    /** Inserts another learner of the given school, on the Welding pathway, without demographics. */
    public Learner learner(Organization district, Organization school, String given, String family) {
        return learner(district, school, given, family, null, List.of("Welding"));
    }

    /** Inserts another learner of the given school with the given demographics and CTE pathways. */
    public Learner learner(
            Organization district,
            Organization school,
            String given,
            String family,
            Demographics demographics,
            List<String> ctePathways) {
        String id = UUID.randomUUID().toString();
        return mongo.insert(new Learner(
                id,
                district.id(),
                school.id(),
                "S-" + id.substring(0, 8),
                given,
                family,
                (family + " " + given).toLowerCase(),
                2027,
                ctePathways,
                demographics,
                Instant.now(),
                Instant.now()));
    }

    /** A finished dry-run attainment import job of the district, as its registrar uploaded it. */
    public String importJob(Organization district, User registrar) {
        String id = "import-" + UUID.randomUUID();
        Instant now = Instant.now();
        mongo.insert(new org.credfolio.imports.ImportJob(
                id,
                district.id(),
                org.credfolio.imports.ImportKind.ATTAINMENTS,
                true,
                org.credfolio.imports.ImportState.SUCCEEDED,
                "results.csv",
                registrar.username(),
                district.id(),
                1,
                1,
                1,
                0,
                0,
                0,
                0,
                0,
                null,
                now,
                now,
                now,
                now));
        return id;
    }

    private Organization org(OrganizationType type, String name, String districtId) {
        return mongo.insert(new Organization(
                UUID.randomUUID().toString(), type, name, districtId, "TX", null, null, Instant.now()));
    }

    private CredentialDefinition credential(String name, int renewalMonths) {
        return mongo.insert(new CredentialDefinition(
                UUID.randomUUID().toString(),
                name,
                CredentialType.CERTIFICATION,
                null,
                "Test credential",
                List.of("51-4121"),
                "Manufacturing",
                Portability.NATIONAL,
                List.of(),
                renewalMonths,
                new BigDecimal("35.00"),
                List.of(),
                null,
                Instant.now()));
    }

    private User user(String run, Role role, String orgId, String learnerId, String password, String hash) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + run + "@test.credfolio.org";
        mongo.insert(new Account(UUID.randomUUID().toString(), username, hash, role, orgId, learnerId, Instant.now()));
        return new User(username, password, role, orgId);
    }
}
