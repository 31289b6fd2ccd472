package org.credfolio.shared.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GraphiQL at {@code /graphiql}, with every asset served by the application, so it works without
 * internet access (Spring for GraphQL's own page loads React and GraphiQL from a CDN). On only
 * where {@code credfolio.graphiql.enabled} is true (the {@code dev} profile); elsewhere neither the
 * page nor its assets exist. The vendored files and their versions are listed in
 * {@code graphiql-page/vendor/README.md}.
 */
@Controller
@ConditionalOnBooleanProperty("credfolio.graphiql.enabled")
class GraphiqlPage implements WebMvcConfigurer {
    static final String PATH = "/graphiql";

    /**
     * Scripts and styles from this origin only, requests to this origin only. Inline styles are
     * allowed because GraphiQL's components inject a few; fonts are data: URLs inside its CSS.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "font-src data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final String html = read("graphiql-page/index.html");

    @GetMapping(PATH)
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }

    /**
     * Only the page's scripts and stylesheets are mapped (not the README beside them), from a
     * folder of its own: {@code classpath:graphiql/} is Spring for GraphQL's CDN page.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "/*.js", PATH + "/*.css").addResourceLocations("classpath:/graphiql-page/");
        registry.addResourceHandler(PATH + "/vendor/*.js", PATH + "/vendor/*.css")
                .addResourceLocations("classpath:/graphiql-page/vendor/");
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("GraphiQL page missing: " + path, e);
        }
    }
}
