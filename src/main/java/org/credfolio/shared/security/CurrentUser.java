package org.credfolio.shared.security;

/**
 * The signed-in caller, as the access token describes them.
 *
 * @param subject the token subject (account id for built-in logins)
 * @param role the caller's single role
 * @param organizationId the organization the role applies to
 * @param learnerId for LEARNER accounts, the learner record they own; otherwise null
 */
public record CurrentUser(String subject, Role role, String organizationId, String learnerId) {
    public boolean is(Role other) {
        return role == other;
    }

    public boolean belongsTo(String orgId) {
        return organizationId != null && organizationId.equals(orgId);
    }
}
