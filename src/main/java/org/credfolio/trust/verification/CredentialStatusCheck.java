package org.credfolio.trust.verification;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import org.credfolio.trust.integrity.DataIntegrityException;
import org.credfolio.trust.integrity.DataIntegrityProof;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.credfolio.trust.keys.JwkFactory;
import org.credfolio.trust.status.Bitstring;
import org.credfolio.trust.status.StatusLists;
import org.credfolio.trust.status.StatusPurpose;
import org.springframework.stereotype.Component;

/**
 * The revocation and suspension checks. Lists kept here are read directly (one read by key per
 * entry, on every verification); another issuer's list is fetched, its signature checked against
 * that issuer's keys, and the bit read.
 */
@Component
class CredentialStatusCheck {
    private final StatusLists lists;
    private final RemoteDocuments remote;
    private final KeyResolver keys;

    CredentialStatusCheck(StatusLists lists, RemoteDocuments remote, KeyResolver keys) {
        this.lists = lists;
        this.remote = remote;
        this.keys = keys;
    }

    /** Adds one check per purpose; returns REVOKED or SUSPENDED when a bit is set, else ACTIVE. */
    CredentialSummary.Status check(VcClaims vc, ResolvedKey issuerKey, Checks checks) {
        CredentialSummary.Status result = CredentialSummary.Status.ACTIVE;
        for (StatusPurpose purpose : StatusPurpose.values()) {
            Optional<Map<?, ?>> entry = vc.statusEntries().stream()
                    .filter(e -> purpose.value().equals(e.get("statusPurpose")))
                    .findFirst();
            String name = purpose.value();
            // Our credentials carry one entry (revocation); their suspension bit is found through it.
            Boolean set = entry.isPresent()
                    ? bit(entry.get(), issuerKey, name, checks)
                    : purpose == StatusPurpose.SUSPENSION ? linkedSuspension(vc) : null;
            if (entry.isEmpty() && set == null) {
                checks.pass(name, "The issuer publishes no " + name + " status for this credential.");
                continue;
            }
            if (set == null) {
                continue;
            }
            if (set) {
                checks.fail(
                        name,
                        purpose == StatusPurpose.REVOCATION
                                ? "The issuer revoked this credential."
                                : "The issuer suspended this credential.");
                if (result == CredentialSummary.Status.ACTIVE || purpose == StatusPurpose.REVOCATION) {
                    result = purpose == StatusPurpose.REVOCATION
                            ? CredentialSummary.Status.REVOKED
                            : CredentialSummary.Status.SUSPENDED;
                }
            } else {
                checks.pass(name, purpose == StatusPurpose.REVOCATION ? "Not revoked." : "Not suspended.");
            }
        }
        return result;
    }

    /** The suspension bit linked to a revocation entry of a list kept here, or null. */
    private Boolean linkedSuspension(VcClaims vc) {
        return vc.statusEntries().stream()
                .filter(e -> StatusPurpose.REVOCATION.value().equals(e.get("statusPurpose")))
                .findFirst()
                .flatMap(e -> {
                    String localId = lists.localListId(String.valueOf(e.get("statusListCredential")));
                    int index = index(e);
                    return localId == null || index < 0 ? Optional.empty() : lists.suspensionOf(localId, index);
                })
                .orElse(null);
    }

    private static int index(Map<?, ?> entry) {
        try {
            return Integer.parseInt(String.valueOf(entry.get("statusListIndex")));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Boolean bit(Map<?, ?> entry, ResolvedKey issuerKey, String name, Checks checks) {
        if (!"BitstringStatusListEntry".equals(entry.get("type"))) {
            checks.fail(name, "Status entries of type " + entry.get("type") + " are not supported.");
            return null;
        }
        int index = index(entry);
        Object url = entry.get("statusListCredential");
        if (index < 0 || !(url instanceof String listUrl)) {
            checks.fail(name, "The status entry has no valid statusListIndex or statusListCredential.");
            return null;
        }
        String localId = lists.localListId(listUrl);
        if (localId != null) {
            if (index >= StatusLists.SIZE) {
                checks.fail(name, "statusListIndex " + index + " is outside the list.");
                return null;
            }
            Optional<Boolean> set = lists.isSet(localId, index);
            if (set.isEmpty()) {
                checks.fail(name, "The status list " + listUrl + " does not exist.");
                return null;
            }
            return set.get();
        }
        return remoteBit(listUrl, index, issuerKey, name, checks);
    }

    private Boolean remoteBit(String url, int index, ResolvedKey issuerKey, String name, Checks checks) {
        try {
            String body = remote.get(url).strip();
            Map<?, ?> subject = body.startsWith("{") ? dataIntegrityList(body, issuerKey) : jwtList(body, issuerKey);
            if (subject == null) {
                checks.fail(name, "The status list " + url + " is not validly signed by the credential's issuer.");
                return null;
            }
            byte[] bits = Bitstring.decode(String.valueOf(subject.get("encodedList")));
            if (index / 8 >= bits.length) {
                checks.fail(name, "statusListIndex " + index + " is outside the list.");
                return null;
            }
            return Bitstring.isSet(bits, index);
        } catch (ParseException | IllegalArgumentException | NullPointerException | DataIntegrityException e) {
            checks.fail(name, "The status list " + url + " could not be read.");
        } catch (KeyResolver.Unresolved | RemoteDocuments.RemoteDocumentException e) {
            checks.fail(name, "The status list " + url + " could not be checked: " + e.getMessage());
        }
        return null;
    }

    /** The list's subject when a VC-JWT list is validly signed by the issuer, else null. */
    private Map<?, ?> jwtList(String body, ResolvedKey issuerKey) throws ParseException, KeyResolver.Unresolved {
        JWSObject list = JWSObject.parse(body);
        ResolvedKey key = keys.resolve(list.getHeader().getKeyID());
        boolean valid = issuedBySame(key, issuerKey) && CredentialVerifier.verifySignature(list, key);
        return valid ? VcClaims.of(list.getPayload().toJSONObject()).subject() : null;
    }

    /** The list's subject when a Data Integrity list's proof holds for the issuer's key, else null. */
    private Map<?, ?> dataIntegrityList(String body, ResolvedKey issuerKey)
            throws ParseException, KeyResolver.Unresolved {
        Map<String, Object> list = JSONObjectUtils.parse(body);
        DataIntegrityProof proof = DataIntegrityProof.of(list);
        ResolvedKey key = keys.resolve(proof.verificationMethod());
        byte[] publicKey = JwkFactory.ed25519PublicKey(key.jwk());
        if (!issuedBySame(key, issuerKey) || publicKey == null) {
            return null;
        }
        EddsaRdfc2022.verify(list, proof, publicKey);
        return VcClaims.of(list).subject();
    }

    private static boolean issuedBySame(ResolvedKey key, ResolvedKey issuerKey) {
        return key.controller().equals(issuerKey.controller()) && key.compromisedReason() == null;
    }
}
