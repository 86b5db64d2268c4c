package io.aegisrag.coordinator.rest;

import io.aegisrag.core.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Rejects request bodies larger than {@code aegis.api.max-body-bytes} with 413, whether or not the
 * client declared a Content-Length, before anything is parsed or written; a file upload (any body
 * that is not JSON or text: a PDF, an archive, a multipart form) may reach {@code aegis.api.max-upload-bytes}.
 */
@Provider
@PreMatching
@ApplicationScoped
public class BodySizeLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = ConfigKeys.MAX_BODY_BYTES, defaultValue = "2097152")
    long maxBytes;

    @Inject
    @ConfigProperty(name = ConfigKeys.MAX_UPLOAD_BYTES, defaultValue = "67108864")
    long maxUploadBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = isUpload(request.getMediaType()) ? maxUploadBytes : maxBytes;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
    }

    private static boolean isUpload(MediaType type) {
        return type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.getType().equals("text")
                && !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private static WebApplicationException tooLarge(long maxBytes) {
        return new WebApplicationException("request body is larger than " + maxBytes + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
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
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
