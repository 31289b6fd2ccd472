package org.credfolio.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.credfolio.organization.Account;
import org.credfolio.shared.security.Role;

/** One demo sign-in per role, named after the role so the README can list them. */
final class DemoAccounts {
    static final String DOMAIN = "@demo.credfolio.org";

    private DemoAccounts() {}

    /** For example {@code district-admin@demo.credfolio.org}. */
    static String username(Role role) {
        return roleName(role) + DOMAIN;
    }

    static List<String> usernames() {
        List<String> names = new ArrayList<>();
        for (Role role : Role.values()) {
            names.add(username(role));
        }
        return names;
    }

    /**
     * All accounts share the demo password and so one hash: BCrypt is deliberately slow, and
     * hashing once keeps startup fast while revealing nothing the shared password does not.
     */
    static List<Account> all(String passwordHash, String learnerSchoolId, Instant now) {
        List<Account> accounts = new ArrayList<>();
        for (Role role : Role.values()) {
            boolean learner = role == Role.LEARNER;
            accounts.add(new Account(
                    "demo-account-" + roleName(role),
                    username(role),
                    passwordHash,
                    role,
                    learner ? learnerSchoolId : organizationOf(role),
                    learner ? DemoLearners.FIRST_LEARNER : null,
                    now));
        }
        return accounts;
    }

    /** Platform admins belong to no organization; the learner's is their school (set by caller). */
    private static String organizationOf(Role role) {
        return switch (role) {
            case EDUCATOR, REGISTRAR, DISTRICT_ADMIN -> DemoOrganizations.DISTRICT;
            case COLLEGE -> DemoOrganizations.COLLEGE;
            case EMPLOYER -> DemoOrganizations.EMPLOYER;
            case LEARNER, PLATFORM_ADMIN -> null;
        };
    }

    private static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
