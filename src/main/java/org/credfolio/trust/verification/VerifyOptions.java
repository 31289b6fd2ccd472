package org.credfolio.trust.verification;

import java.util.List;
import java.util.Map;

/**
 * The {@code options} of a VC API verify request. For {@code /credentials/verify} these are VCALM's
 * {@code VerifyCredentialOptions} ({@code returnCredential}, {@code returnResults},
 * {@code returnProblemDetails}; any other option is refused as UNKNOWN_OPTION_PROVIDED) plus
 * {@code checks}, which the W3C VC API verifier test suite sends ({@code ["proof"]}) and which is
 * tolerated: every check always runs. For {@code /presentations/verify}, VCALM allows further
 * options, so only {@code challenge}, {@code domain} and {@code returnProblemDetails} are read and
 * type-checked. A {@code null} option counts as not given.
 *
 * @param returnCredential include the verified credential's content ({@code credential})
 * @param returnResults include VCALM's per-step {@code results}
 * @param returnProblemDetails include {@code problemDetails}; true unless set to false
 */
record VerifyOptions(
        boolean returnCredential,
        boolean returnResults,
        boolean returnProblemDetails,
        String challenge,
        String domain) {
    static final List<String> CREDENTIAL_OPTIONS =
            List.of("returnCredential", "returnResults", "returnProblemDetails", "checks");

    static VerifyOptions forCredentials(Object options) {
        Map<?, ?> map = asMap(options);
        for (Object key : map.keySet()) {
            if (!CREDENTIAL_OPTIONS.contains(key)) {
                String name = String.valueOf(key);
                throw VcApiProblem.unknownOption("Unknown option \""
                        + (name.length() > 80 ? name.substring(0, 80) + "..." : name)
                        + "\": /credentials/verify accepts "
                        + String.join(", ", CREDENTIAL_OPTIONS) + ".");
            }
        }
        Object checks = map.get("checks");
        if (checks != null
                && !(checks instanceof List<?> names && names.stream().allMatch(String.class::isInstance))) {
            throw VcApiProblem.invalidRequest("options.checks is " + DataModelRules.kind(checks)
                    + "; it must be an array of strings (every check runs whatever it names).");
        }
        return new VerifyOptions(
                flag(map, "returnCredential", false),
                flag(map, "returnResults", false),
                flag(map, "returnProblemDetails", true),
                null,
                null);
    }

    static VerifyOptions forPresentations(Object options) {
        Map<?, ?> map = asMap(options);
        return new VerifyOptions(
                false, false, flag(map, "returnProblemDetails", true), text(map, "challenge"), text(map, "domain"));
    }

    private static Map<?, ?> asMap(Object options) {
        if (options == null) {
            return Map.of();
        }
        if (!(options instanceof Map<?, ?> map)) {
            throw VcApiProblem.invalidRequest("options is " + DataModelRules.kind(options) + "; it must be an object.");
        }
        return map;
    }

    private static boolean flag(Map<?, ?> options, String name, boolean otherwise) {
        Object value = options.get(name);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Boolean b)) {
            throw VcApiProblem.invalidRequest(
                    "options." + name + " is " + DataModelRules.kind(value) + "; it must be true or false.");
        }
        return b;
    }

    private static String text(Map<?, ?> options, String name) {
        Object value = options.get(name);
        if (value != null && !(value instanceof String)) {
            throw VcApiProblem.invalidRequest(
                    "options." + name + " is " + DataModelRules.kind(value) + "; it must be a string.");
        }
        return (String) value;
    }
}
