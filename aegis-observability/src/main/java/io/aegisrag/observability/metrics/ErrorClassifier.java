package io.aegisrag.observability.metrics;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Maps any failure to its {@link ErrorType}: the single mapping behind the metric label and the HTTP status. */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    public static ErrorType classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            ErrorType type = direct(t);
            if (type != null) {
                return type;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ErrorType.INTERNAL_ERROR;
    }

    private static ErrorType direct(Throwable t) {
        if (t instanceof AegisException aegis) {
            return aegis.errorType();
        }
        if (t instanceof ValidationException || t instanceof JsonbException) {
            return ErrorType.VALIDATION_ERROR;
        }
        if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
            return ErrorType.TIMEOUT;
        }
        if (t instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
            if (status == 404) {
                return ErrorType.NOT_FOUND;
            }
            return status >= 400 && status < 500 ? ErrorType.VALIDATION_ERROR : ErrorType.INTERNAL_ERROR;
        }
        return null;
    }
}
