package org.credfolio.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link HeaderCharacters} gives the verdicts of the regular expressions in Spring Security's
 * {@code StrictHttpFirewall} (copied from spring-security-web 7.1), on the characters that matter
 * (tab, controls C0 and C1, DEL, unassigned and private-use code points, lone and paired
 * surrogates, non-BMP letters and emoji) and on random mixes of them.
 */
class HeaderCharactersTest {
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static final int[] INTERESTING = {
        '\t', '\n', '\r', 0, 0x1f, ' ', '|', '~', 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xe9, 0x378, 0x2028, 0xd800, 0xdc00,
        0xe000, 0xfffe, 0xffff, 0x1f600, 0x10400, 0xe0001, 0x10ffff, 0x30000, 'A', 'z', '='
    };

    @Test
    void sameVerdictsAsSpringSecuritysExpressions() {
        List<String> samples = new ArrayList<>(List.of(
                "",
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
                "application/json",
                "a\tb",
                "caf\u00e9",
                "line\nbreak"));
        for (int codePoint : INTERESTING) {
            samples.add(new String(Character.toChars(codePoint)));
            samples.add("x" + new String(Character.toChars(codePoint)) + "y");
        }
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(6); length > 0; length--) {
                text.appendCodePoint(
                        random.nextBoolean()
                                ? INTERESTING[random.nextInt(INTERESTING.length)]
                                : random.nextInt(Character.MAX_CODE_POINT + 1));
            }
            samples.add(text.toString());
        }
        int refused = 0;
        for (String sample : samples) {
            boolean name = NAME.matcher(sample).matches();
            boolean value = VALUE.matcher(sample).matches();
            assertThat(HeaderCharacters.assignedAndNotControl(sample))
                    .as("name %s", sample.codePoints().boxed().toList())
                    .isEqualTo(name);
            assertThat(HeaderCharacters.headerValue(sample))
                    .as("value %s", sample.codePoints().boxed().toList())
                    .isEqualTo(value);
            refused += value ? 0 : 1;
        }
        // Both verdicts occur often enough for the comparison to mean something.
        assertThat(refused).isBetween(samples.size() / 10, samples.size() * 9 / 10);
    }
}
