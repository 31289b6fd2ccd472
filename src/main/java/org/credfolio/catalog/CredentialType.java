package org.credfolio.catalog;

/** Kinds of credential, as CTDL names them. */
public enum CredentialType {
    CERTIFICATION("ceterms:Certification"),
    LICENSE("ceterms:License"),
    CERTIFICATE("ceterms:Certificate"),
    BADGE("ceterms:Badge");

    private final String ctdlTerm;

    CredentialType(String ctdlTerm) {
        this.ctdlTerm = ctdlTerm;
    }

    public String ctdlTerm() {
        return ctdlTerm;
    }
}
