package org.credfolio.trust.status;

/**
 * Where one credential's status bits live: an entry key ({@code <listId>:<index>}) per purpose. The
 * awards module stores it with the issued credential so status changes can flip the right bits.
 */
public record StatusAllocation(String revocationEntry, String suspensionEntry) {
    public String entry(StatusPurpose purpose) {
        return purpose == StatusPurpose.REVOCATION ? revocationEntry : suspensionEntry;
    }
}
