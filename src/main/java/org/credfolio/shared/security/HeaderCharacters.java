package org.credfolio.shared.security;

/**
 * The checks Spring Security's {@code StrictHttpFirewall} makes on every header name and value and
 * every parameter name, with the same verdicts, in a loop instead of a regular expression. Its
 * expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values the same with a tab
 * allowed) walked a 700-character bearer token through a union of Unicode character classes on each
 * of the several reads of the header: together with the bearer token's own pattern, a fifth of the
 * CPU of a small GraphQL request. Printable ASCII, all that a well-behaved client sends, is decided
 * by one comparison per character; anything else by its Unicode category, as the expressions do.
 * {@code HeaderCharactersTest} holds the two to the same answers.
 */
final class HeaderCharacters {
    private HeaderCharacters() {}

    /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}: header and parameter names. */
    static boolean assignedAndNotControl(String text) {
        return allowed(text, false);
    }

    /** {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: header values. */
    static boolean headerValue(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
