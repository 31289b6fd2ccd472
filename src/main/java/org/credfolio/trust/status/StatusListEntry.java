package org.credfolio.trust.status;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One allocated index of a status list, keyed {@code <listId>:<index>}: the key makes each index
 * unique without a transaction, and a status check is a single read by key.
 *
 * @param suspensionEntry for a revocation entry, the key of the same credential's suspension entry:
 *     a credential carries only its revocation entry (Open Badges 3.0 allows one
 *     {@code credentialStatus}), and this verifier finds the suspension bit through it. Set when the
 *     entry is created, or once for credentials issued before; never changed after.
 */
@Document("status_list_entries")
@CompoundIndex(name = "set_bits_of_list", def = "{'listId': 1, 'set': 1}")
record StatusListEntry(@Id String id, String listId, int index, boolean set, String suspensionEntry) {
    static String key(String listId, int index) {
        return listId + ":" + index;
    }
}
