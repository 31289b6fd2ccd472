package org.credfolio.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than any legitimate call needs (1 MiB) before anything parses them,
 * whatever their encoding: the public verify endpoints and GraphQL variables would otherwise be
 * parsed whole first. A body that declares its length is judged by it; a body sent without one
 * (chunked) is read here, at most one byte past the limit, and handed on from memory, so Jackson
 * never sees more than 1 MiB (Tomcat's maxPostSize and maxSwallowSize do not bound such a body).
 *
 * <p>Not counted here: uploads to {@code /imports/}, bounded by the multipart limits instead
 * ({@code spring.servlet.multipart.*}, 50 MiB) and streamed to disk; form and multipart bodies,
 * which Tomcat parses from its own stream (forms up to its maxPostSize, 2 MB, multipart up to the
 * multipart limits); and {@code /verify}, whose page answers too-large bodies itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {
    static final long MAX_BODY_BYTES = 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isImportUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            refuse(response);
            return;
        }
        if (length < 0 && hasStreamedBody(request)) {
            byte[] body = request.getInputStream().readNBytes((int) MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                // The rest stays unread: Tomcat drops up to its swallow limit, then closes the connection.
                response.setHeader("Connection", "close");
                refuse(response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/problem+json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
                        + "\"detail\":\"Request bodies may be at most 1 MiB.\",\"code\":\"REQUEST_TOO_LARGE\"}");
    }

    /** A body of unknown length that this filter must count, rather than Tomcat's own parsers. */
    private static boolean hasStreamedBody(HttpServletRequest request) {
        if (request.getHeader("Transfer-Encoding") == null || "/verify".equals(request.getRequestURI())) {
            return false;
        }
        String type = request.getContentType();
        String lower = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
        return !lower.startsWith("multipart/") && !lower.startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isImportUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/imports/");
    }

    /** The request with its body, already read and within the limit, served from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read already; it is served from memory.");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException unknown) {
                // A charset we do not know: read as UTF-8, which JSON is anyway.
            }
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
