package org.credfolio.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One curated link from a catalog credential to an occupation it prepares for, with the note that
 * says where the judgment came from. The credential itself only lists SOC codes; the notes are kept
 * here so the curation stays reviewable.
 *
 * @param id {@code <credentialId>:<socCode>}, so that loading twice cannot duplicate a link
 */
@Document("credential_occupation_links")
public record CredentialOccupationLink(@Id String id, String credentialId, String socCode, String sourceNote) {
    public static CredentialOccupationLink of(String credentialId, String socCode, String sourceNote) {
        return new CredentialOccupationLink(idOf(credentialId, socCode), credentialId, socCode, sourceNote);
    }

    public static String idOf(String credentialId, String socCode) {
        return credentialId + ":" + socCode;
    }
}
