package org.credfolio.imports.oneroster;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.credfolio.imports.CsvFiles;
import org.credfolio.imports.ImportKind;
import org.credfolio.imports.ImportLedger;
import org.credfolio.imports.ImportProblem;
import org.credfolio.imports.ImportProcessor;
import org.credfolio.imports.ImportProperties;
import org.credfolio.imports.ImportRefused;
import org.credfolio.imports.ImportRequest;
import org.credfolio.learner.Demographics;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerInput;
import org.credfolio.learner.Rostering;
import org.credfolio.organization.RosterChange;
import org.credfolio.organization.SchoolRostering;
import org.credfolio.shared.error.CredfolioException;
import org.springframework.stereotype.Component;

/**
 * A OneRoster 1.2 (or 1.1) CSV zip from the district's SIS: its schools ({@code orgs.csv} rows of
 * type {@code school}) and students ({@code users.csv}, with roles from {@code roles.csv} or, in
 * 1.1, the {@code role} column) are created or updated, matched by {@code sourcedId}, with their
 * graduation year (from {@code metadata.graduationYear}, else from {@code grades} and the school
 * year of {@code academicSessions.csv}) and demographics ({@code demographics.csv}). Students
 * missing from a bulk users.csv, and those whose status is {@code tobedeleted}, are marked inactive,
 * never deleted. Users who are not students are skipped.
 */
@Component
class OneRosterImport implements ImportProcessor {
    private static final Pattern STUDENT_ID = Pattern.compile(LearnerInput.STUDENT_ID);
    private static final int NAME_MAX = 100;

    private final Rostering rostering;
    private final SchoolRostering schools;
    private final ImportProperties properties;

    OneRosterImport(Rostering rostering, SchoolRostering schools, ImportProperties properties) {
        this.rostering = rostering;
        this.schools = schools;
        this.properties = properties;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ONEROSTER;
    }

    @Override
    public long inspect(Path file, ImportRequest request) {
        try (RosterZip zip = open(file, request)) {
            Manifest manifest = Manifest.read(zip, properties.maxRows());
            manifest.requireFiles(zip);
            List<String> users = header(zip, RosterZip.USERS);
            Columns.require(RosterZip.USERS, users, List.of("sourcedId", "givenName", "familyName", "identifier"));
            if (!users.contains("grades") && !users.contains(RosterValues.GRADUATION_YEAR)) {
                Columns.require(RosterZip.USERS, users, List.of("grades"));
            }
            boolean roleColumn = users.contains("role");
            if (!roleColumn
                    && !manifest.present(RosterZip.ROLES)
                    && manifest.mode(RosterZip.USERS) == Manifest.Mode.BULK) {
                throw new ImportRefused(
                        RosterZip.ROLES,
                        "MISSING_FILE",
                        "users.csv has no role column (OneRoster 1.2), so a full export needs roles.csv, declared"
                                + " bulk or delta in manifest.csv: it says which users are students. (A delta"
                                + " without roles.csv changes learners rostered before only.)");
            }
            if (!roleColumn && manifest.present(RosterZip.ROLES)) {
                Columns.require(
                        RosterZip.ROLES,
                        header(zip, RosterZip.ROLES),
                        List.of("userSourcedId", "role", "orgSourcedId"));
            }
            if (manifest.present(RosterZip.ORGS)) {
                Columns.require(RosterZip.ORGS, header(zip, RosterZip.ORGS), List.of("sourcedId", "name", "type"));
            }
            if (manifest.present(RosterZip.DEMOGRAPHICS)) {
                Columns.require(RosterZip.DEMOGRAPHICS, header(zip, RosterZip.DEMOGRAPHICS), List.of("sourcedId"));
            }
            if (manifest.present(RosterZip.ACADEMIC_SESSIONS)) {
                Columns.require(
                        RosterZip.ACADEMIC_SESSIONS,
                        header(zip, RosterZip.ACADEMIC_SESSIONS),
                        List.of("type", "schoolYear"));
                count(zip, RosterZip.ACADEMIC_SESSIONS);
            }
            if (!roleColumn && manifest.present(RosterZip.ROLES)) {
                count(zip, RosterZip.ROLES);
            }
            long rows = count(zip, RosterZip.USERS);
            if (manifest.present(RosterZip.ORGS)) {
                rows += count(zip, RosterZip.ORGS);
            }
            if (manifest.present(RosterZip.DEMOGRAPHICS)) {
                rows += count(zip, RosterZip.DEMOGRAPHICS);
            }
            return rows;
        }
    }

    @Override
    public void apply(Path file, ImportRequest request, ImportLedger ledger) {
        try (RosterZip zip = open(file, request)) {
            Manifest manifest = Manifest.read(zip, properties.maxRows());
            new Job(zip, manifest, request, ledger).run();
        }
    }

    private RosterZip open(Path file, ImportRequest request) {
        return RosterZip.open(file, request.fileName(), properties.maxFileBytes() * 20);
    }

    private static List<String> header(RosterZip zip, String name) {
        return CsvFiles.header(zip.open(name), name);
    }

    private long count(RosterZip zip, String name) {
        return CsvFiles.read(zip.open(name), name, properties.maxRows(), row -> {});
    }

    private void read(RosterZip zip, String name, java.util.function.Consumer<CsvFiles.Row> each) {
        CsvFiles.read(zip.open(name), name, properties.maxRows(), each);
    }

    /** One run over the zip: session year, roles, schools, users, then demographics. */
    private final class Job {
        private final RosterZip zip;
        private final Manifest manifest;
        private final ImportRequest request;
        private final ImportLedger ledger;
        private final String districtId;
        private final boolean dryRun;
        /** The district's schools by sourcedId: rostered before, or in this file's orgs.csv. */
        private Map<String, String> schoolIds;
        /** Students' role org (roles.csv), by user sourcedId; null when users.csv has a role column. */
        private Map<String, String> studentRoles;
        /** Students in users.csv (refused ones too: a bad row does not take a learner off the roster). */
        private final Set<String> present = new HashSet<>();
        /** Users that are not students (skipped), so that their demographics are skipped too. */
        private final Set<String> notStudents = new HashSet<>();
        /** Learners a dry run would create, whose demographics it would then create. */
        private final Set<String> wouldCreate = new HashSet<>();

        private int schoolYearEnd;
        private boolean roleColumn;

        Job(RosterZip zip, Manifest manifest, ImportRequest request, ImportLedger ledger) {
            this.zip = zip;
            this.manifest = manifest;
            this.request = request;
            this.ledger = ledger;
            this.districtId = request.districtId();
            this.dryRun = request.dryRun();
        }

        void run() {
            schoolYearEnd = schoolYearEnd(LocalDate.now());
            roleColumn = header(zip, RosterZip.USERS).contains("role");
            if (!roleColumn) {
                studentRoles = manifest.present(RosterZip.ROLES) ? studentRoles() : Map.of();
            }
            schoolIds = new HashMap<>(schools.rosteredSchools(districtId));
            if (manifest.present(RosterZip.ORGS)) {
                read(zip, RosterZip.ORGS, this::org);
            }
            read(zip, RosterZip.USERS, this::user);
            if (manifest.mode(RosterZip.USERS) == Manifest.Mode.BULK) {
                long left = rostering.deactivateAllExcept(districtId, present, dryRun);
                for (long i = 0; i < left; i++) {
                    ledger.updated();
                }
                if (left > 0) {
                    ledger.problem(ImportProblem.ofFile(
                            RosterZip.USERS,
                            "LEFT_ROSTER",
                            left + " learner(s) rostered before are not in this full (bulk) users.csv and"
                                    + (dryRun ? " would be" : " were") + " marked inactive; they keep their"
                                    + " credentials."));
                }
            }
            if (!notStudents.isEmpty()) {
                ledger.problem(ImportProblem.ofFile(
                        RosterZip.USERS,
                        "NOT_STUDENTS_SKIPPED",
                        notStudents.size() + " user(s) that are not students (teachers, administrators, guardians"
                                + " ...) were skipped and counted as unchanged: Credfolio rosters learners only."));
            }
            if (manifest.present(RosterZip.DEMOGRAPHICS)) {
                read(zip, RosterZip.DEMOGRAPHICS, this::demographics);
            }
        }

        /**
         * The school year ending in the returned year: academicSessions.csv's {@code schoolYear}
         * session covering today, else its latest, else the one ending next July.
         */
        private int schoolYearEnd(LocalDate today) {
            int[] covering = {0};
            int[] latest = {0};
            if (manifest.present(RosterZip.ACADEMIC_SESSIONS)) {
                read(zip, RosterZip.ACADEMIC_SESSIONS, row -> {
                    if (!"schoolYear".equalsIgnoreCase(row.get("type")) || isDeleted(row)) {
                        return;
                    }
                    Integer year = year(row.get("schoolYear"));
                    if (year == null) {
                        return;
                    }
                    latest[0] = Math.max(latest[0], year);
                    LocalDate start = date(row.get("startDate"));
                    LocalDate end = date(row.get("endDate"));
                    if (start != null && end != null && !today.isBefore(start) && !today.isAfter(end)) {
                        covering[0] = year;
                    }
                });
            }
            if (covering[0] != 0) {
                return covering[0];
            }
            return latest[0] != 0 ? latest[0] : RosterValues.defaultSchoolYearEnd(today);
        }

        /** roles.csv: each student's school, the primary role's first. */
        private Map<String, String> studentRoles() {
            Map<String, String> roles = new HashMap<>();
            Set<String> primary = new HashSet<>();
            read(zip, RosterZip.ROLES, row -> {
                String user = row.get("userSourcedId");
                if (user == null || !"student".equalsIgnoreCase(row.get("role")) || isDeleted(row)) {
                    return;
                }
                String org = row.get("orgSourcedId");
                boolean isPrimary = "primary".equalsIgnoreCase(row.get("roleType"));
                if (!roles.containsKey(user) || isPrimary && !primary.contains(user)) {
                    roles.put(user, org == null ? "" : org);
                    if (isPrimary) {
                        primary.add(user);
                    }
                }
            });
            return roles;
        }

        private void org(CsvFiles.Row row) {
            ledger.read();
            String sourcedId = row.get("sourcedId");
            if (sourcedId == null) {
                refuse(RosterZip.ORGS, row, "sourcedId", "MISSING_VALUE", "sourcedId is empty; every org needs one.");
                return;
            }
            if (!"school".equalsIgnoreCase(row.get("type")) || isDeleted(row)) {
                // The district itself, departments, states...: not Credfolio's to change. Schools are
                // never deleted (their learners keep them); a school marked tobedeleted stays as it is.
                ledger.unchanged();
                return;
            }
            try {
                SchoolRostering.RosteredSchool school = schools.roster(districtId, sourcedId, row.get("name"), dryRun);
                if (school.schoolId() != null) {
                    schoolIds.put(sourcedId, school.schoolId());
                }
                count(school.change());
            } catch (CredfolioException e) {
                refuse(RosterZip.ORGS, row, e.field(), e.code(), e.getMessage());
            }
        }

        private void user(CsvFiles.Row row) {
            ledger.read();
            String sourcedId = row.get("sourcedId");
            if (sourcedId == null) {
                refuse(RosterZip.USERS, row, "sourcedId", "MISSING_VALUE", "sourcedId is empty; every user needs one.");
                return;
            }
            Learner known = null;
            boolean student;
            if (roleColumn) {
                student = "student".equalsIgnoreCase(row.get("role"));
            } else if (studentRoles.containsKey(sourcedId)) {
                student = true;
            } else if (manifest.mode(RosterZip.ROLES) != Manifest.Mode.BULK) {
                // A delta without this user's role: a learner rostered before is still one.
                known = rostering.rostered(districtId, sourcedId).orElse(null);
                student = known != null;
            } else {
                student = false;
            }
            if (!student) {
                notStudents.add(sourcedId);
                ledger.unchanged();
                return;
            }
            if (isDeleted(row)) {
                count(rostering.deactivate(districtId, sourcedId, dryRun));
                return;
            }
            present.add(sourcedId);
            try {
                Rostering.RosterLearner learner = learner(row, sourcedId, known);
                if (learner == null) {
                    return;
                }
                RosterChange change = rostering.roster(learner, dryRun);
                if (dryRun && change == RosterChange.CREATED) {
                    wouldCreate.add(sourcedId);
                }
                count(change);
            } catch (RosterValues.BadValue e) {
                refuse(RosterZip.USERS, row, e.column(), "INVALID_VALUE", e.getMessage());
            } catch (CredfolioException e) {
                String column = "STUDENT_ID_TAKEN".equals(e.code()) ? "identifier" : null;
                refuse(RosterZip.USERS, row, column, e.code(), e.getMessage());
            }
        }

        /** The learner of a student row, or null after refusing the row. */
        private Rostering.RosterLearner learner(CsvFiles.Row row, String sourcedId, Learner known) {
            String studentId = row.get("identifier");
            if (studentId == null) {
                refuse(
                        RosterZip.USERS,
                        row,
                        "identifier",
                        "MISSING_VALUE",
                        "identifier (the student id) is empty; Credfolio knows learners by their student id.");
                return null;
            }
            if (studentId.length() > LearnerInput.STUDENT_ID_MAX
                    || !STUDENT_ID.matcher(studentId).matches()) {
                refuse(
                        RosterZip.USERS,
                        row,
                        "identifier",
                        "INVALID_STUDENT_ID",
                        "identifier '" + studentId + "' is not a student id: at most " + LearnerInput.STUDENT_ID_MAX
                                + " printable characters, no control characters.");
                return null;
            }
            String given = name(row, "givenName");
            String family = given == null ? null : name(row, "familyName");
            if (family == null) {
                return null;
            }
            String schoolColumn = row.get("primaryOrgSourcedId") != null
                    ? "primaryOrgSourcedId"
                    : studentRoles != null ? "orgSourcedId" : "orgSourcedIds";
            String schoolSourcedId = schoolSourcedId(row, sourcedId);
            String schoolId = schoolSourcedId == null
                    ? (known == null ? null : known.schoolId())
                    : schoolIds.get(schoolSourcedId);
            if (schoolId == null) {
                refuse(
                        RosterZip.USERS,
                        row,
                        schoolColumn,
                        "SCHOOL_NOT_FOUND",
                        schoolSourcedId == null
                                ? "The student has no school: give primaryOrgSourcedId, a student role's orgSourcedId"
                                        + " or orgSourcedIds."
                                : "The student's school '" + schoolSourcedId + "' is not a school of this district:"
                                        + " it is not in orgs.csv as type school nor rostered before.");
                return null;
            }
            Integer graduationYear = graduationYear(row);
            if (graduationYear == null) {
                return null;
            }
            return new Rostering.RosterLearner(
                    districtId, sourcedId, schoolId, studentId, given, family, graduationYear);
        }

        private String schoolSourcedId(CsvFiles.Row row, String sourcedId) {
            String primary = row.get("primaryOrgSourcedId");
            if (primary != null) {
                return primary;
            }
            if (studentRoles != null) {
                String org = studentRoles.get(sourcedId);
                return org == null || org.isEmpty() ? null : org;
            }
            String orgs = row.get("orgSourcedIds");
            if (orgs == null) {
                return null;
            }
            String first = orgs.split(",")[0].strip();
            return first.isEmpty() ? null : first;
        }

        private Integer graduationYear(CsvFiles.Row row) {
            String explicit = row.get(RosterValues.GRADUATION_YEAR);
            if (explicit != null) {
                Integer year = year(explicit);
                if (year == null || year < 2000 || year > 2100) {
                    refuse(
                            RosterZip.USERS,
                            row,
                            RosterValues.GRADUATION_YEAR,
                            "INVALID_VALUE",
                            RosterValues.GRADUATION_YEAR + " is '" + explicit + "'; it must be a year, 2000 to 2100.");
                    return null;
                }
                return year;
            }
            Integer grade = RosterValues.grade(row.get("grades"));
            if (grade == null) {
                refuse(
                        RosterZip.USERS,
                        row,
                        "grades",
                        "NO_GRADUATION_YEAR",
                        "No graduation year: grades is '" + (row.get("grades") == null ? "" : row.get("grades"))
                                + "', not a grade KG or 01 to 12, and there is no " + RosterValues.GRADUATION_YEAR
                                + " column value.");
                return null;
            }
            return RosterValues.graduationYear(schoolYearEnd, grade);
        }

        private String name(CsvFiles.Row row, String column) {
            String value = row.get(column);
            if (value == null || value.length() > NAME_MAX) {
                refuse(
                        RosterZip.USERS,
                        row,
                        column,
                        value == null ? "MISSING_VALUE" : "INVALID_VALUE",
                        column + (value == null ? " is empty." : " is longer than " + NAME_MAX + " characters."));
                return null;
            }
            return value;
        }

        private void demographics(CsvFiles.Row row) {
            ledger.read();
            String sourcedId = row.get("sourcedId");
            if (sourcedId == null) {
                refuse(RosterZip.DEMOGRAPHICS, row, "sourcedId", "MISSING_VALUE", "sourcedId (the user's) is empty.");
                return;
            }
            if (notStudents.contains(sourcedId)) {
                ledger.unchanged(); // a teacher's demographics: not kept
                return;
            }
            try {
                Demographics demographics = isDeleted(row) ? null : RosterValues.demographics(row);
                if (dryRun && wouldCreate.contains(sourcedId)) {
                    if (demographics == null) {
                        ledger.unchanged();
                    } else {
                        ledger.created();
                    }
                    return;
                }
                count(rostering.setDemographics(districtId, sourcedId, demographics, dryRun));
            } catch (RosterValues.BadValue e) {
                refuse(RosterZip.DEMOGRAPHICS, row, e.column(), "INVALID_VALUE", e.getMessage());
            } catch (CredfolioException e) {
                refuse(
                        RosterZip.DEMOGRAPHICS,
                        row,
                        "sourcedId",
                        e.code(),
                        "LEARNER_NOT_FOUND".equals(e.code())
                                ? "No learner of this district has the sourcedId " + sourcedId
                                        + " (is the student's users.csv row refused or missing?)."
                                : e.getMessage());
            }
        }

        private void count(RosterChange change) {
            switch (change) {
                case CREATED:
                    ledger.created();
                    break;
                case UPDATED:
                    ledger.updated();
                    break;
                default:
                    ledger.unchanged();
            }
        }

        private void refuse(String file, CsvFiles.Row row, String column, String code, String message) {
            ledger.refused(file, row.line(), column, code, message);
        }
    }

    /** OneRoster status {@code tobedeleted} (or 1.0's {@code inactive}): the record has left. */
    private static boolean isDeleted(CsvFiles.Row row) {
        String status = row.get("status");
        return status != null
                && (status.equalsIgnoreCase("tobedeleted")
                        || status.toLowerCase(Locale.ROOT).equals("inactive"));
    }

    private static Integer year(String value) {
        if (value == null || !value.strip().matches("\\d{4}")) {
            return null;
        }
        return Integer.parseInt(value.strip());
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
