package org.credfolio.trust.verification;

import java.util.ArrayList;
import java.util.List;

/** The checks of one verification, in the order they ran. */
final class Checks {
    private final List<VerificationCheck> list = new ArrayList<>();

    void pass(String name, String reason) {
        list.add(VerificationCheck.pass(name, reason));
    }

    void fail(String name, String reason) {
        list.add(VerificationCheck.fail(name, reason));
    }

    boolean allPassed() {
        return !list.isEmpty() && list.stream().allMatch(VerificationCheck::passed);
    }

    boolean failed(String name) {
        return list.stream().anyMatch(c -> c.name().equals(name) && !c.passed());
    }

    List<VerificationCheck> list() {
        return List.copyOf(list);
    }
}
