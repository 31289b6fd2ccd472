package org.credfolio.learner;

import java.util.Set;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.Role;

/**
 * Who may see or change a learner. Staff act on learners of their own organization: a district's
 * staff on all its schools, a school's staff on that school.
 */
public final class LearnerAccess {
    private static final Set<Role> STAFF = Set.of(Role.EDUCATOR, Role.REGISTRAR, Role.DISTRICT_ADMIN);
    private static final Set<Role> MANAGERS = Set.of(Role.REGISTRAR, Role.DISTRICT_ADMIN);

    private LearnerAccess() {}

    public static boolean canRead(CurrentUser user, Learner learner) {
        if (user.is(Role.LEARNER)) {
            return learner.id().equals(user.learnerId());
        }
        return STAFF.contains(user.role()) && covers(user, learner);
    }

    public static boolean canManage(CurrentUser user, Learner learner) {
        return MANAGERS.contains(user.role()) && covers(user, learner);
    }

    /** Demographics: the learner's own district's registrars and district admins only. */
    public static boolean canSeeDemographics(CurrentUser user, Learner learner) {
        return canManage(user, learner);
    }

    /** Only registrars record, revoke and suspend credentials. */
    public static boolean canAward(CurrentUser user, Learner learner) {
        return user.is(Role.REGISTRAR) && covers(user, learner);
    }

    static boolean covers(CurrentUser user, Learner learner) {
        return user.belongsTo(learner.districtId()) || user.belongsTo(learner.schoolId());
    }
}
