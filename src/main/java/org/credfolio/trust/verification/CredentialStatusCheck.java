package org.credfolio.trust.verification;

import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
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
            JWSObject list = JWSObject.parse(remote.get(url));
            ResolvedKey key = keys.resolve(list.getHeader().getKeyID());
            if (!key.controller().equals(issuerKey.controller())
                    || key.compromisedReason() != null
                    || !CredentialVerifier.verifySignature(list, key)) {
                checks.fail(name, "The status list " + url + " is not validly signed by the credential's issuer.");
                return null;
            }
            Map<?, ?> subject = VcClaims.of(list.getPayload().toJSONObject()).subject();
            byte[] bits = Bitstring.decode(String.valueOf(subject.get("encodedList")));
            if (index / 8 >= bits.length) {
                checks.fail(name, "statusListIndex " + index + " is outside the list.");
                return null;
            }
            return Bitstring.isSet(bits, index);
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            checks.fail(name, "The status list " + url + " could not be read.");
        } catch (KeyResolver.Unresolved | RemoteDocuments.RemoteDocumentException e) {
            checks.fail(name, "The status list " + url + " could not be checked: " + e.getMessage());
        }
        return null;
    }
}
