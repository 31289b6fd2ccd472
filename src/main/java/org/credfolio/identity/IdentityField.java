package org.credfolio.identity;

/**
 * What a learner may disclose about who they are, each chosen on its own. Every value comes from
 * the district's record (roster or registrar), never from anything the learner can edit.
 */
public enum IdentityField {
    /** Given name and family initial, as the share page shows it. */
    DISPLAY_NAME("ext:displayName"),
    /** Given and family name as the district records them. */
    LEGAL_NAME("name"),
    /** Recorded by the district's registrar. */
    DATE_OF_BIRTH("ext:dateOfBirth"),
    /** The district's student id. */
    STUDENT_ID("ext:studentId"),
    GRADUATION_YEAR("ext:graduationYear");

    /**
     * The Open Badges 3.0 {@code IdentityObject.identityType}: {@code name} is in its vocabulary; the
     * others are not, and take its {@code ext:} prefix for extensions.
     */
    final String identityType;

    IdentityField(String identityType) {
        this.identityType = identityType;
    }

    /** Fields a learner under 18 discloses only with a guardian's recorded consent. */
    boolean needsGuardianConsentForMinors() {
        return this == LEGAL_NAME || this == DATE_OF_BIRTH;
    }

    static IdentityField ofIdentityType(String identityType) {
        for (IdentityField field : values()) {
            if (field.identityType.equals(identityType)) {
                return field;
            }
        }
        return null;
    }
}
