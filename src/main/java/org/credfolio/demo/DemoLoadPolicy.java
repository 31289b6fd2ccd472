package org.credfolio.demo;

/**
 * Whether to load the demo data (a fictional district, its learners and one account per role with
 * a shared password). Only when asked: {@code ./mvnw spring-boot:run} (profile {@code dev}) and the
 * compose file ask; a packaged jar never creates demo accounts on its own, on any store.
 */
final class DemoLoadPolicy {
    static final String ENABLED_PROPERTY = "credfolio.demo.enabled";

    private DemoLoadPolicy() {}

    record Decision(boolean load, String reason) {
        /** The demo is in the store from an earlier start. */
        boolean alreadyLoaded() {
            return reason.equals(ALREADY_LOADED);
        }
    }

    private static final String ALREADY_LOADED = "the demo data is already loaded";

    /**
     * @param enabled the {@code credfolio.demo.enabled} property; null when unset
     * @param demoPresent whether the demo district already exists
     * @param catalogSeeded whether the platform catalog the demo awards from is stored
     */
    static Decision decide(Boolean enabled, boolean demoPresent, boolean catalogSeeded) {
        if (demoPresent) {
            return new Decision(false, ALREADY_LOADED);
        }
        if (!Boolean.TRUE.equals(enabled)) {
            return new Decision(
                    false,
                    ENABLED_PROPERTY + (enabled == null ? " is not set" : "=false")
                            + "; set it to true to load the fictional demo district and its demo accounts");
        }
        if (!catalogSeeded) {
            return new Decision(
                    false, "the demo awards from the platform catalog, which is not seeded (credfolio.catalog.seed)");
        }
        return new Decision(true, ENABLED_PROPERTY + "=true");
    }
}
