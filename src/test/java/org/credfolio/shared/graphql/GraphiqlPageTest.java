package org.credfolio.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphiQL with the {@code dev} profile: the page and every script and stylesheet it names come
 * from this origin, with the content types the browser needs (the responses carry {@code nosniff}),
 * and the vendored files are the ones the README's checksums name. {@code GraphiqlOffByDefaultTest}
 * covers the service without the profile.
 */
class GraphiqlPageTest extends DevProfileTest {
    private static final Pattern LINK = Pattern.compile("\\s(?:src|href)=\"([^\"]*)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern SUM = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$");

    @Test
    void thePageNamesOnlySameOriginAssetsAndEachIsServed() {
        EntityExchangeResult<String> page = http().get()
                .uri("/graphiql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult();
        String html = page.getResponseBody();
        assertThat(html).doesNotContain("://").contains("id=\"graphiql\"", "Authorization", "Bearer");

        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            links.add(link.group(1));
        }
        assertThat(links)
                .containsExactly(
                        "/graphiql/vendor/graphiql.min.css",
                        "/graphiql/graphiql-page.css",
                        "/graphiql/vendor/react.production.min.js",
                        "/graphiql/vendor/react-dom.production.min.js",
                        "/graphiql/vendor/graphiql.min.js",
                        "/graphiql/graphiql-page.js")
                .allSatisfy(path -> assertThat(path).startsWith("/").doesNotStartWith("//"));

        for (String path : links) {
            MediaType type =
                    path.endsWith(".js") ? MediaType.valueOf("text/javascript") : MediaType.valueOf("text/css");
            byte[] body = http().mutate()
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                    .build()
                    .get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(type)
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            assertThat(body).as(path).isNotEmpty();
        }
    }

    /** No inline script anywhere, and a policy that would refuse one and any other origin. */
    @Test
    void thePageRunsUnderAPolicyThatAllowsOnlyItsOwnOrigin() {
        EntityExchangeResult<String> page = http().get()
                .uri("/graphiql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        HttpHeaders headers = page.getResponseHeaders();
        assertThat(headers.getFirst("Content-Security-Policy"))
                .isEqualTo(GraphiqlPage.POLICY)
                .contains("default-src 'none'", "script-src 'self';", "connect-src 'self';")
                .doesNotContain("unsafe-eval", "http:", "https:", "*");
        assertThat(headers.getCacheControl()).contains("no-store");

        Matcher script = SCRIPT.matcher(page.getResponseBody());
        int scripts = 0;
        while (script.find()) {
            scripts++;
            assertThat(script.group(1)).contains("src=\"/graphiql/");
            assertThat(script.group(2)).as("inline script").isBlank();
        }
        assertThat(scripts).isEqualTo(4);
        assertThat(page.getResponseBody()).doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=");
    }

    /** Only the page's scripts and stylesheets are served: not the README, not Spring's CDN page. */
    @Test
    void nothingElseUnderGraphiqlIsServed() {
        for (String path :
                List.of("/graphiql/vendor/README.md", "/graphiql/index.html", "/graphiql/vendor/index.umd.js.map")) {
            http().get().uri(path).exchange().expectStatus().isNotFound();
        }
    }

    /**
     * GraphiQL loads the schema with the standard introspection query, 15 levels deep: spared the
     * depth limit of 12, unlike a deep query that asks for introspection beside data.
     */
    @Test
    void theStandardIntrospectionQueryIsAnsweredDespiteTheDepthLimit() {
        // The whole schema is larger than WebTestClient buffers by default.
        HttpGraphQlTester.create(WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + port + "/graphql")
                        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                        .build())
                .document(IntrospectionQuery.INTROSPECTION_QUERY)
                .execute()
                .path("__schema.queryType.name")
                .entity(String.class)
                .isEqualTo("Query");

        String deep = "{ __schema { queryType { name } } organizations { edges { node { district { district {"
                + " district { district { district { district { district { district { district { name }"
                + " } } } } } } } } } } } }";
        anonymous()
                .document(deep)
                .execute()
                .errors()
                .expect(e -> "QUERY_TOO_DEEP".equals(e.getExtensions().get("code")))
                .verify();
    }

    /** The vendored files are byte for byte the npm packages' (their SHA-256 sums are in the README). */
    @Test
    void vendoredFilesMatchTheChecksumsInTheirReadme() throws Exception {
        String readme = read("graphiql-page/vendor/README.md");
        Matcher sum = SUM.matcher(readme);
        List<String> files = new ArrayList<>();
        while (sum.find()) {
            files.add(sum.group(2));
            byte[] bytes;
            try (InputStream in = new ClassPathResource("graphiql-page/vendor/" + sum.group(2)).getInputStream()) {
                bytes = in.readAllBytes();
            }
            String actual = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(actual).as(sum.group(2)).isEqualTo(sum.group(1));
        }
        assertThat(files)
                .containsExactlyInAnyOrder(
                        "graphiql.min.js",
                        "graphiql.min.css",
                        "react.production.min.js",
                        "react-dom.production.min.js");
    }

    private static String read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
