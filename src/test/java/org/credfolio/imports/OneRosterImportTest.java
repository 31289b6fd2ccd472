package org.credfolio.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.credfolio.organization.Account;
import org.credfolio.shared.security.Role;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.crypto.password.PasswordEncoder;

/** OneRoster 1.2 CSV zips, built here as a SIS exports them, uploaded to POST /imports/oneroster. */
class OneRosterImportTest extends ImportTestBase {
    private static final String PATH = "/imports/oneroster";
    private static final String ORGS = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n";
    private static final String USERS = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,"
            + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,"
            + "resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,"
            + "pronouns,metadata.graduationYear\n";
    private static final String ROLES = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,"
            + "endDate,orgSourcedId,userProfileSourcedId\n";
    private static final String DEMOGRAPHICS = "sourcedId,status,dateLastModified,birthDate,sex,"
            + "americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,"
            + "demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,"
            + "cityOfBirth,publicSchoolResidenceStatus,metadata.economicallyDisadvantaged,metadata.englishLearner,"
            + "metadata.disability\n";
    private static final String SESSIONS =
            "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n";
    private static final String LEARNER_FIELDS = "id studentId sourcedId givenName graduationYear active inactiveSince"
            + " school { name sourcedId } demographics { raceEthnicity gender economicallyDisadvantaged englishLearner"
            + " disability } credentials { credential { name } }";

    @Autowired
    MongoOperations mongo;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aBulkExportRostersSchoolsAndStudentsAReuploadChangesNothingAndWhoLeavesBecomesInactive() {
        Tenants.World w = tenants.create();
        Map<String, Object> first = run(w, false, bulk(true));
        // orgs: district unchanged, school created; users: 3 created, teacher skipped, PK refused;
        // demographics: 2 created, the teacher's skipped.
        assertThat(first)
                .containsEntry("state", "SUCCEEDED")
                .containsEntry("rowsTotal", 10)
                .containsEntry("rowsRead", 10)
                .containsEntry("created", 6)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 3)
                .containsEntry("refused", 1);

        int end = schoolYearEnd();
        Map<String, Object> ana = learner(w, "s-1");
        assertThat(ana)
                .containsEntry("studentId", "SIS_2027.0042")
                .containsEntry("graduationYear", end + 1)
                .containsEntry("active", true);
        assertThat(ana.get("school").toString()).contains("Lincoln High", "sch-1");
        assertThat(ana.get("demographics"))
                .isEqualTo(Map.of(
                        "raceEthnicity", "HISPANIC_OR_LATINO",
                        "gender", "FEMALE",
                        "economicallyDisadvantaged", true,
                        "englishLearner", false,
                        "disability", false));
        Map<String, Object> ben = learner(w, "s-2");
        assertThat(ben).containsEntry("graduationYear", end + 3);
        assertThat(((Map<?, ?>) ben.get("demographics")).get("raceEthnicity")).isEqualTo("TWO_OR_MORE_RACES");
        assertThat(((Map<?, ?>) ben.get("demographics")).get("gender")).isEqualTo("NONBINARY");
        assertThat(learner(w, "s-3")).containsEntry("graduationYear", 2026).containsEntry("demographics", null);
        assertThat(learner(w, "s-4")).as("PK has no graduation year").isNull();
        assertThat(learner(w, "t-1")).as("teachers are not learners").isNull();
        String problems = problemsCsv(w.registrarA(), (String) first.get("id"));
        assertThat(problems).contains("users.csv,6,grades,NO_GRADUATION_YEAR").contains("NOT_STUDENTS_SKIPPED");

        Map<String, Object> again = run(w, false, bulk(true));
        assertThat(again)
                .containsEntry("created", 0)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 9)
                .containsEntry("refused", 1);

        // An attainment file may name the rostered learner by sourcedId.
        Map<String, Object> recorded = finished(
                w.registrarA(),
                submit(
                        w.registrarA(),
                        "/imports/attainments",
                        w.districtA().id(),
                        false,
                        "results.csv",
                        utf8("sourced_id,credential,earned_on\ns-2,"
                                + w.welding().id() + ",2026-05-14\n"),
                        null));
        assertThat(recorded).containsEntry("created", 1).containsEntry("refused", 0);

        Map<String, Object> withoutBen = run(w, false, bulk(false));
        assertThat(withoutBen)
                .as("Ben left the roster: marked inactive, counted updated")
                .containsEntry("created", 0)
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 7)
                .containsEntry("refused", 1);
        ben = learner(w, "s-2");
        assertThat(ben).containsEntry("active", false);
        assertThat(ben.get("inactiveSince")).isNotNull();
        assertThat(ben.get("credentials").toString())
                .as("credentials kept")
                .contains(w.welding().name());
        assertThat(learner(w, "s-1")).containsEntry("active", true);
        assertThat(learnerIds(w, "{ active: false }")).containsExactly((String) ben.get("id"));
    }

    @Test
    void aDeltaChangesOnlyItsRowsAndTobedeletedMakesALearnerInactiveUntilTheyReturn() {
        Tenants.World w = tenants.create();
        run(w, false, bulk(true));
        String manifest = manifest("absent", "delta", "absent", "absent", "absent");
        Map<String, Object> renamed = run(
                w,
                false,
                zip(Map.of(
                        "manifest.csv",
                        manifest,
                        "users.csv",
                        USERS + user("s-1", "active", "Anita", "Alvarez", "SIS_2027.0042", "11", "sch-1", ""))));
        assertThat(renamed)
                .containsEntry("rowsTotal", 1)
                .containsEntry("updated", 1)
                .containsEntry("created", 0)
                .containsEntry("refused", 0);
        assertThat(learner(w, "s-1")).containsEntry("givenName", "Anita");
        assertThat(learner(w, "s-2")).containsEntry("givenName", "Ben").containsEntry("active", true);

        byte[] deleted = zip(Map.of(
                "manifest.csv",
                manifest,
                "users.csv",
                USERS + user("s-2", "tobedeleted", "Ben", "Brown", "SIS_2027.0043", "09", "sch-1", "")));
        assertThat(run(w, false, deleted)).containsEntry("updated", 1);
        assertThat(learner(w, "s-2")).containsEntry("active", false);
        assertThat(run(w, false, deleted)).as("already inactive").containsEntry("unchanged", 1);

        byte[] back = zip(Map.of(
                "manifest.csv",
                manifest,
                "users.csv",
                USERS + user("s-2", "active", "Ben", "Brown", "SIS_2027.0043", "09", "sch-1", "")));
        assertThat(run(w, false, back)).containsEntry("updated", 1);
        assertThat(learner(w, "s-2")).containsEntry("active", true);
    }

    @Test
    void aHandEnteredLearnerWithTheStudentIdIsAdoptedAndAnotherSourcedIdWithItIsRefused() {
        Tenants.World w = tenants.create();
        var handEntered = tenants.learner(w.districtA(), w.schoolA(), "Hal", "Hand");
        String users = USERS
                + user("s-a", "", "Ana", "Alvarez", w.learnerA().studentId(), "10", "sch-1", "")
                + user("s-x", "", "Xavier", "Other", w.learnerA().studentId(), "10", "sch-1", "");
        String roles = ROLES + role("s-a", "student") + role("s-x", "student");
        Map<String, Object> job = run(
                w,
                false,
                zip(files(manifest("bulk", "bulk", "absent", "bulk", "absent"), ORGS + orgs(), users, roles)));
        assertThat(job).containsEntry("updated", 1).containsEntry("created", 1).containsEntry("refused", 1);
        Map<String, Object> adopted = learner(w, "s-a");
        assertThat(adopted).containsEntry("id", w.learnerA().id()).containsEntry("givenName", "Ana");
        assertThat(problemsCsv(w.registrarA(), (String) job.get("id")))
                .contains("users.csv,3,identifier,STUDENT_ID_TAKEN");
        Map<?, ?> hal = as(w.registrarA())
                .document("query($id: ID!) { learner(id: $id) { active sourcedId } }")
                .variable("id", handEntered.id())
                .execute()
                .path("learner")
                .entity(Map.class)
                .get();
        assertThat(hal.get("active"))
                .as("a hand-entered learner is not the roster's to end")
                .isEqualTo(true);
    }

    @Test
    void aDryRunCountsTheSameAndWritesNothing() {
        Tenants.World w = tenants.create();
        Map<String, Object> dry = run(w, true, bulk(true));
        assertThat(dry)
                .containsEntry("dryRun", true)
                .containsEntry("created", 6)
                .containsEntry("unchanged", 3)
                .containsEntry("refused", 1);
        assertThat(learner(w, "s-1")).isNull();
        assertThat(learnerIds(w, "{ active: true }"))
                .containsExactly(w.learnerA().id());
        Map<String, Object> real = run(w, false, bulk(true));
        assertThat(real).containsEntry("created", 6).containsEntry("unchanged", 3);
    }

    @Test
    void filesThatCannotBeImportedAreRefusedWholeAndNothingIsWritten() {
        Tenants.World w = tenants.create();
        String m = manifest("bulk", "bulk", "bulk", "bulk", "bulk");
        refused(w, utf8(USERS), "NOT_ZIP");
        refused(w, zip(Map.of("users.csv", USERS)), "MISSING_MANIFEST");
        refused(w, zip(Map.of("manifest.csv", m, "orgs.csv", ORGS + orgs(), "users.csv", USERS)), "MISSING_FILE");
        refused(
                w,
                zip(files(manifest("bulk", "absent", "absent", "absent", "absent"), ORGS + orgs(), USERS, ROLES)),
                "MISSING_FILE");
        refused(
                w,
                zip(files(
                        manifest("bulk", "bulk", "absent", "bulk", "absent"),
                        ORGS + orgs(),
                        "sourcedId,givenName,familyName,grades\ns-1,Ana,Alvarez,11\n",
                        ROLES)),
                "MISSING_COLUMNS");
        byte[] latin1 = zipBytes(Map.of(
                "manifest.csv",
                utf8(manifest("bulk", "bulk", "absent", "bulk", "absent")),
                "orgs.csv",
                utf8(ORGS + orgs()),
                "roles.csv",
                utf8(ROLES + role("s-1", "student")),
                "users.csv",
                (USERS + user("s-1", "", "Andr\u00e9", "Alvarez", "X1", "11", "sch-1", ""))
                        .getBytes(StandardCharsets.ISO_8859_1)));
        refused(w, latin1, "WRONG_ENCODING");
        refused(
                w,
                zip(files(
                        manifest("bulk", "bulk", "absent", "bulk", "absent")
                                .replace("file.orgs,bulk", "file.orgs,full"),
                        ORGS + orgs(),
                        USERS,
                        ROLES)),
                "BAD_MANIFEST");
        // An entry that inflates past the size its zip entry declares, and one that declares too much.
        byte[] good = zip(files(
                manifest("bulk", "bulk", "absent", "bulk", "absent"),
                ORGS + orgs(),
                USERS + user("s-1", "", "Ana", "Alvarez", "X1", "11", "sch-1", ""),
                ROLES + role("s-1", "student")));
        refused(w, declaredSize(good, "users.csv", 100), "ZIP_TOO_LARGE");
        refused(w, declaredSize(good, "users.csv", 0x7FFF_FFFFL), "ZIP_TOO_LARGE");
        assertThat(learnerIds(w, "{ active: true }"))
                .containsExactly(w.learnerA().id());
        List<?> jobs = as(w.registrarA())
                .document("query($d: ID!) { importJobs(districtId: $d) { edges { node { id } } } }")
                .variable("d", w.districtA().id())
                .execute()
                .path("importJobs.edges")
                .entityList(Object.class)
                .get();
        assertThat(jobs).isEmpty();
    }

    @Test
    void onlyTheDistrictsOwnRegistrarsAndDistrictAdminsRosterIt() {
        Tenants.World w = tenants.create();
        byte[] file = bulk(true);
        upload(w.registrarB(), PATH, w.districtA().id(), false, "roster.zip", file, null)
                .expectStatus()
                .isForbidden();
        upload(w.educatorA(), PATH, w.districtA().id(), false, "roster.zip", file, null)
                .expectStatus()
                .isForbidden();
        Tenants.User schoolRegistrar = schoolRegistrar(w);
        upload(schoolRegistrar, PATH, w.districtA().id(), false, "roster.zip", file, null)
                .expectStatus()
                .isForbidden();
        Map<String, Object> job = finished(
                w.districtAdminA(),
                submit(w.districtAdminA(), PATH, w.districtA().id(), true, "roster.zip", file, null));
        assertThat(job).containsEntry("state", "SUCCEEDED").containsEntry("created", 6);
    }

    // --- files ---

    /** A full export: district and school, three students, a teacher, a pre-K student; Ben only if asked. */
    private static byte[] bulk(boolean withBen) {
        String users = USERS
                + user("s-1", "", "Ana", "Alvarez", "SIS_2027.0042", "11", "sch-1", "")
                + (withBen ? user("s-2", "", "Ben", "Brown", "SIS_2027.0043", "09", "sch-1", "") : "")
                + user("s-3", "", "Cy", "Chen", "000123", "", "sch-1", "2026")
                + user("t-1", "", "Tess", "Teacher", "T-1", "", "sch-1", "")
                + user("s-4", "", "Pip", "Pre", "S-12/A", "PK", "sch-1", "");
        String roles = ROLES
                + role("s-1", "student")
                + (withBen ? role("s-2", "student") : "")
                + role("s-3", "student")
                + role("t-1", "teacher")
                + role("s-4", "student");
        String demographics = DEMOGRAPHICS
                + "s-1,,,2009-03-01,female,false,false,false,false,true,false,true,US,TX,Austin,,true,false,false\n"
                + (withBen ? "s-2,,,2011-07-09,other,false,true,false,false,true,,false,,,,,,,\n" : "")
                + "t-1,,,1980-01-01,female,,,,,true,,,,,,,,,\n";
        LocalDate today = LocalDate.now();
        String sessions = SESSIONS
                + "sy-old,,,Last year,schoolYear," + today.minusDays(400) + "," + today.minusDays(40) + ",,"
                + (schoolYearEnd() - 1) + "\n"
                + "sy-now,,,This year,schoolYear," + today.minusDays(30) + "," + today.plusDays(300) + ",,"
                + schoolYearEnd() + "\n"
                + "t-now,,,Fall,term," + today.minusDays(30) + "," + today.plusDays(60) + ",sy-now,"
                + schoolYearEnd() + "\n";
        Map<String, String> files =
                files(manifest("bulk", "bulk", "bulk", "bulk", "bulk"), ORGS + orgs(), users, roles);
        files.put("demographics.csv", demographics);
        files.put("academicSessions.csv", sessions);
        files.put("classes.csv", "sourcedId,status,dateLastModified,title\n");
        return zip(files);
    }

    /** The school year the test's academicSessions.csv covers today with: deliberately not this calendar's. */
    private static int schoolYearEnd() {
        return 2031;
    }

    private static String orgs() {
        return "dist-1,,,Springfield ISD,district,,\n" + "sch-1,,,Lincoln High,school,,dist-1\n";
    }

    private static Map<String, String> files(String manifest, String orgs, String users, String roles) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", manifest);
        files.put("orgs.csv", orgs);
        files.put("users.csv", users);
        files.put("roles.csv", roles);
        return files;
    }

    private static String manifest(String orgs, String users, String demographics, String roles, String sessions) {
        return "propertyName,value\n"
                + "manifest.version,1.0\n"
                + "oneroster.version,1.2\n"
                + "file.academicSessions," + sessions + "\n"
                + "file.categories,absent\n"
                + "file.classes," + ("bulk".equals(sessions) && "bulk".equals(demographics) ? "bulk" : "absent") + "\n"
                + "file.courses,absent\n"
                + "file.demographics," + demographics + "\n"
                + "file.enrollments,absent\n"
                + "file.orgs," + orgs + "\n"
                + "file.roles," + roles + "\n"
                + "file.users," + users + "\n"
                + "source.systemName,Test SIS\n"
                + "source.systemCode,TSIS\n";
    }

    private static String user(
            String sourcedId,
            String status,
            String given,
            String family,
            String identifier,
            String grades,
            String school,
            String graduationYear) {
        String modified = status.isEmpty() ? "" : "2026-11-30T10:00:00.000Z";
        return String.join(
                        ",",
                        sourcedId,
                        status,
                        modified,
                        "true",
                        sourcedId + "@sis.example",
                        "",
                        given,
                        family,
                        "",
                        identifier,
                        "",
                        "",
                        "",
                        "",
                        grades,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        school,
                        "",
                        graduationYear)
                + "\n";
    }

    private static String role(String userSourcedId, String role) {
        return "r-" + userSourcedId + ",,," + userSourcedId + ",primary," + role + ",,,sch-1,\n";
    }

    private static byte[] zip(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, utf8(text)));
        return zipBytes(bytes);
    }

    private static byte[] zipBytes(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The zip with the uncompressed size its central directory declares for {@code name} set to {@code size}. */
    private static byte[] declaredSize(byte[] zip, String name, long size) {
        byte[] copy = zip.clone();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < copy.length; i++) {
            if (copy[i] == 0x50 && copy[i + 1] == 0x4b && copy[i + 2] == 0x01 && copy[i + 3] == 0x02) {
                int nameLength = (copy[i + 28] & 0xFF) | (copy[i + 29] & 0xFF) << 8;
                String entry = new String(copy, i + 46, nameLength, StandardCharsets.UTF_8);
                if (entry.equals(name) && nameLength == nameBytes.length) {
                    for (int b = 0; b < 4; b++) {
                        copy[i + 24 + b] = (byte) (size >>> (8 * b));
                    }
                    return copy;
                }
            }
        }
        throw new IllegalStateException("no entry " + name);
    }

    // --- running and reading ---

    private Map<String, Object> run(Tenants.World w, boolean dryRun, byte[] file) {
        return finished(
                w.registrarA(), submit(w.registrarA(), PATH, w.districtA().id(), dryRun, "roster.zip", file, null));
    }

    private void refused(Tenants.World w, byte[] file, String code) {
        upload(w.registrarA(), PATH, w.districtA().id(), false, "roster.zip", file, null)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.problems[0].code")
                .isEqualTo(code);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> learner(Tenants.World w, String sourcedId) {
        List<Map<String, Object>> found = (List<Map<String, Object>>) (List<?>) as(w.registrarA())
                .document("query($s: String) { learners(filter: { sourcedId: $s }) { edges { node { " + LEARNER_FIELDS
                        + " } } } }")
                .variable("s", sourcedId)
                .execute()
                .path("learners.edges[*].node")
                .entityList(Map.class)
                .get();
        assertThat(found.size()).isLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<String> learnerIds(Tenants.World w, String filter) {
        return as(w.registrarA())
                .document("{ learners(filter: " + filter + ", first: 100) { edges { node { id } } } }")
                .execute()
                .path("learners.edges[*].node.id")
                .entityList(String.class)
                .get();
    }

    private Tenants.User schoolRegistrar(Tenants.World w) {
        String password = "pw-" + UUID.randomUUID();
        String username = "school-registrar-" + UUID.randomUUID() + "@test.credfolio.org";
        mongo.insert(new Account(
                UUID.randomUUID().toString(),
                username,
                passwords.encode(password),
                Role.REGISTRAR,
                w.schoolA().id(),
                null,
                Instant.now()));
        return new Tenants.User(username, password, Role.REGISTRAR, w.schoolA().id());
    }
}
