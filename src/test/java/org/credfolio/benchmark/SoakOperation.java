package org.credfolio.benchmark;

/** What the soak benchmark starts at each scheduled moment. */
enum SoakOperation {
    /** One of 20 learners reads their portfolio with every credential's signed form. */
    PORTFOLIO("portfolio"),
    /** Anyone verifies a recently issued credential at {@code POST /credentials/verify}. */
    VERIFY("verify"),
    /** A registrar records (and so issues) an earned credential. */
    ISSUE("issue"),
    /** One of them creates a share, its page is opened, and they revoke it. */
    SHARE("share");

    private final String label;

    SoakOperation(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
