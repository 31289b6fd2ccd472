package org.credfolio.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than any legitimate call needs (1 MiB) before anything reads them:
 * the public verify endpoints and GraphQL variables would otherwise be parsed whole first. Bodies
 * sent without a length (chunked) are counted by Tomcat's own limits only. Uploads to
 * {@code /imports/} are bounded by the multipart limits instead ({@code spring.servlet.multipart.*},
 * 50 MiB), and are streamed to disk, never held in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES && !isImportUpload(request)) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
                            + "\"detail\":\"Request bodies may be at most 1 MiB.\",\"code\":\"REQUEST_TOO_LARGE\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isImportUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/imports/");
    }
}
