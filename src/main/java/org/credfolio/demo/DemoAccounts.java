package org.credfolio.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.credfolio.organization.Account;
import org.credfolio.shared.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

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

    /** Each account gets its own BCrypt hash (own salt), though all share the demo password. */
    static List<Account> all(PasswordEncoder encoder, String password, String learnerSchoolId, Instant now) {
        List<Account> accounts = new ArrayList<>();
        for (Role role : Role.values()) {
            boolean learner = role == Role.LEARNER;
            accounts.add(new Account(
                    "demo-account-" + roleName(role),
                    username(role),
                    encoder.encode(password),
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
