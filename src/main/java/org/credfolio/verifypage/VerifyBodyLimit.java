package org.credfolio.verifypage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body over 1 MiB posted to /verify gets the page's own 413, not the JSON problem the shared
 * request-size filter answers API callers with. It must run first: it is registered with the same
 * highest precedence, and Spring Boot orders registration beans before plain filter beans of equal
 * order (VerifyPageTest checks it). Bodies without a declared length are bounded in the controller.
 */
@Configuration(proxyBeanMethods = false)
class VerifyBodyLimit {
    /** A multipart envelope around a 1 MiB file adds a few hundred bytes of headers and boundaries. */
    static final long MAX_BODY_BYTES = Submission.MAX_BYTES + 16 * 1024;

    /** Up to this much of a refused body is read and dropped, so a browser sees the page, not a reset. */
    private static final long DRAIN_BYTES = 8L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> verifyPageBodyLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Limit());
        registration.addUrlPatterns("/verify");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("verifyPageBodyLimit");
        return registration;
    }

    static final class Limit extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long length = request.getContentLengthLong();
            if (!"POST".equals(request.getMethod()) || length <= MAX_BODY_BYTES) {
                chain.doFilter(request, response);
                return;
            }
            if (length <= DRAIN_BYTES) {
                try (InputStream in = request.getInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // The client went away; the answer below is all it could get anyway.
                }
            }
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Content-Security-Policy", VerifyPage.RESULT_POLICY);
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Robots-Tag", "noindex, nofollow");
            response.setHeader("X-Content-Type-Options", "nosniff");
            byte[] page = VerifyPage.tooLarge().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }
}
