package org.credfolio.catalog;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One curated link from a catalog credential to an occupation it prepares for, with the note that
 * says where the judgment came from. The credential itself only lists SOC codes; the notes are kept
 * here so the curation stays reviewable.
 *
 * @param id {@code <credentialId>:<socCode>}, so that loading twice cannot duplicate a link
 * @param role the credential's role for the occupation; null when not recorded
 */
@Document("credential_occupation_links")
public record CredentialOccupationLink(
        @Id String id, String credentialId, String socCode, String sourceNote, OccupationRole role) {
    public static CredentialOccupationLink of(String credentialId, String socCode, String sourceNote) {
        return of(credentialId, socCode, sourceNote, null);
    }

    public static CredentialOccupationLink of(
            String credentialId, String socCode, String sourceNote, OccupationRole role) {
        return new CredentialOccupationLink(idOf(credentialId, socCode), credentialId, socCode, sourceNote, role);
    }

    public static String idOf(String credentialId, String socCode) {
        return credentialId + ":" + socCode;
    }

    /** The link ids of every occupation the credential lists. */
    static List<String> idsOf(CredentialDefinition credential) {
        return credential.occupations() == null
                ? List.of()
                : credential.occupations().stream()
                        .map(soc -> idOf(credential.id(), soc))
                        .toList();
    }

    /** A link without a curation note, for occupations added through the API. */
    static CredentialOccupationLink bare(String id) {
        int colon = id.lastIndexOf(':');
        return new CredentialOccupationLink(id, id.substring(0, colon), id.substring(colon + 1), null, null);
    }
}
