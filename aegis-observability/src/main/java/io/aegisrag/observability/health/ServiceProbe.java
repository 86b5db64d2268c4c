package io.aegisrag.observability.health;

import io.aegisrag.core.port.BackingService;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a backing service's probe with a timeout, on a few threads of its own: a probe that hangs
 * or throws reports the service down instead of holding the health check or the scrape. The same
 * probe feeds {@code /health/ready} and {@code aegis_service_up}.
 */
public final class ServiceProbe {

    /** How long a probe may take before its service counts as down. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(ServiceProbe.class.getName());
    private static final ThreadPoolExecutor PROBES = new ThreadPoolExecutor(0, 8, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "aegis-probe");
                thread.setDaemon(true);
                return thread;
            });

    private ServiceProbe() {
    }

    /** Whether {@code service} answered its probe within {@link #TIMEOUT}. */
    public static boolean isUp(BackingService service) {
        try {
            Future<Boolean> probe = PROBES.submit(service::isAvailable);
            try {
                return probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                probe.cancel(true);
                LOG.warning(service.serviceName() + " did not answer its probe within " + TIMEOUT.toMillis() + " ms");
                return false;
            }
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, service.serviceName() + " failed its probe", e.getCause());
            return false;
        } catch (RejectedExecutionException e) {
            LOG.warning("every probe thread is held by a hung probe; " + service.serviceName() + " counts as down");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
