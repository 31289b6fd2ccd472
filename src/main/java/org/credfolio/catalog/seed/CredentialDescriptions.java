package org.credfolio.catalog.seed;

import org.credfolio.catalog.CredentialType;

/**
 * Plain descriptions for seeded credentials, built only from facts the seed files state: the TEA
 * list gives names and codes but no descriptions, and inventing marketing text would mislead.
 */
final class CredentialDescriptions {
    private CredentialDescriptions() {}

    static String describe(String name, CredentialType type, String vendorName, String teaCode, Integer renewalMonths) {
        StringBuilder text = new StringBuilder(name).append(": ").append(kind(type));
        if (vendorName != null) {
            text.append(" from ").append(vendorName);
        }
        text.append(" on the Texas Education Agency list (code ")
                .append(teaCode)
                .append(").");
        if (renewalMonths != null) {
            text.append(" Renewal is due every ").append(renewalMonths).append(" months.");
        }
        return text.toString();
    }

    private static String kind(CredentialType type) {
        if (type == null) {
            return "credential";
        }
        return switch (type) {
            case CERTIFICATION -> "industry-based certification";
            case LICENSE -> "license";
            case CERTIFICATE -> "certificate";
            case BADGE -> "badge";
        };
    }
}
