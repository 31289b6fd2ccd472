package org.credfolio.benchmark;

/**
 * One HTTP request of the soak benchmark, the unit its latencies and errors are kept by. A share is
 * three requests in a row; only the first of them starts at a scheduled moment.
 */
enum SoakRequest {
    PORTFOLIO("portfolio"),
    VERIFY("verify"),
    ISSUE("issue"),
    SHARE_CREATE("share create"),
    SHARE_PAGE("share page"),
    SHARE_REVOKE("share revoke");

    private final String label;

    SoakRequest(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
