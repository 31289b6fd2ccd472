package org.credfolio.demo;

/**
 * Whether to load the demo data. Unset means "only into a fresh embedded store": someone who runs
 * the jar to try it gets a populated app, while a real database is never written to unasked.
 */
final class DemoLoadPolicy {
    static final String ENABLED_PROPERTY = "credfolio.demo.enabled";

    private DemoLoadPolicy() {}

    record Decision(boolean load, String reason) {
        /** The demo (and with it the seeded catalog) is in the store from an earlier start. */
        boolean alreadyLoaded() {
            return reason.equals(ALREADY_LOADED);
        }
    }

    private static final String ALREADY_LOADED = "the demo data is already loaded";

    /**
     * @param enabled the {@code credfolio.demo.enabled} property; null when unset
     * @param embedded whether the embedded store is in use
     * @param demoPresent whether the demo district already exists
     * @param databaseEmpty whether there are no credentials and no organizations yet
     */
    static Decision decide(Boolean enabled, boolean embedded, boolean demoPresent, boolean databaseEmpty) {
        if (Boolean.FALSE.equals(enabled)) {
            return new Decision(false, ENABLED_PROPERTY + "=false");
        }
        if (demoPresent) {
            return new Decision(false, ALREADY_LOADED);
        }
        if (Boolean.TRUE.equals(enabled)) {
            return new Decision(true, ENABLED_PROPERTY + "=true");
        }
        if (!embedded) {
            return new Decision(
                    false, "a real MongoDB is configured; set " + ENABLED_PROPERTY + "=true to load the demo into it");
        }
        if (!databaseEmpty) {
            return new Decision(
                    false, "the embedded store already holds data; set " + ENABLED_PROPERTY + "=true to add the demo");
        }
        return new Decision(true, "the embedded store is empty and " + ENABLED_PROPERTY + " is not set");
    }
}
