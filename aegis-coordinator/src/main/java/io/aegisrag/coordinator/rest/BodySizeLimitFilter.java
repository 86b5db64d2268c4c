package io.aegisrag.coordinator.rest;

import io.aegisrag.core.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Rejects request bodies larger than {@code aegis.api.max-body-bytes} with 413, whether or not the
 * client declared a Content-Length, before anything is parsed or written.
 */
@Provider
@PreMatching
@ApplicationScoped
public class BodySizeLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = ConfigKeys.MAX_BODY_BYTES, defaultValue = "2097152")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream()));
    }

    private WebApplicationException tooLarge() {
        return new WebApplicationException("request body is larger than " + maxBytes + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private final class LimitedInputStream extends FilterInputStream {
        private long read;

        LimitedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
