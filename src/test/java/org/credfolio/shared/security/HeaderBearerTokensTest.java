package org.credfolio.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** {@link HeaderBearerTokens} finds the same token, and refuses the same headers, as Spring's resolver. */
class HeaderBearerTokensTest {
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final HeaderBearerTokens ours = new HeaderBearerTokens();

    @Test
    void sameAnswersAsSpringSecuritysResolver() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
                "bearer abc",
                "BEARER abc==",
                "Bearer abc=",
                "Bearer a=b",
                "Bearer ",
                "Bearer",
                "Bearerabc",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer ab c",
                "Bearer abc\n",
                "Bearer ab\u00e9",
                "Bearer ==",
                "Bearer -._~+/09AZaz",
                "Basic dXNlcjpwYXNz",
                "bearerx abc",
                "B\u0130arer abc",
                "Bea\u017Fer abc",
                ""));
        Random random = new Random(5);
        String alphabet = "aB9-._~+/= \t\u00e9\nbearBEAR";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
            for (int length = random.nextInt(8); length > 0; length--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        headers.add(null);
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
            if (header != null) {
                request.addHeader("Authorization", header);
            }
            Outcome expected = outcome(() -> spring.resolve(request));
            assertThat(outcome(() -> ours.resolve(request)))
                    .as("header [%s]", header)
                    .isEqualTo(expected);
        }
    }

    private record Outcome(String token, String error) {}

    private static Outcome outcome(java.util.function.Supplier<String> resolve) {
        Throwable failure = catchThrowable(() -> resolve.get());
        if (failure instanceof OAuth2AuthenticationException refused) {
            return new Outcome(
                    null,
                    refused.getError().getErrorCode() + ": "
                            + refused.getError().getDescription());
        }
        assertThat(failure).isNull();
        return new Outcome(resolve.get(), null);
    }
}
