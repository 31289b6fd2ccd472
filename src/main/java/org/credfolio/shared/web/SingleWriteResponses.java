package org.credfolio.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tomcat send an answer that fits its buffer (8 KB) in one write with a {@code Content-Length},
 * instead of the chunks an early flush forces. Spring MVC flushes the response right after writing
 * a body ({@code HttpEntityMethodProcessor}), which commits it as chunked: the body goes out in one
 * write and the closing chunk in a second, to be read twice by the client. Here a flush before the
 * answer is complete does nothing; Tomcat writes the buffer when the request ends. A body larger
 * than the buffer still streams as it grows, so downloads keep flowing. Nothing in this service
 * depends on pushing part of an answer early (no server-sent events, no long polling).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SingleWriteResponses extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushDeferred(response));
    }

    /** The response with its flushes left to Tomcat. */
    private static final class FlushDeferred extends HttpServletResponseWrapper {
        private ServletOutputStream stream;
        private PrintWriter writer;

        FlushDeferred(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // Tomcat flushes when the request ends, or sooner when its buffer fills.
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new UnflushedStream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter(), false) {
                    @Override
                    public void flush() {
                        // As flushBuffer: left to Tomcat.
                    }
                };
            }
            return writer;
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {
        private final ServletOutputStream out;

        UnflushedStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() {
            // As flushBuffer: left to Tomcat.
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
