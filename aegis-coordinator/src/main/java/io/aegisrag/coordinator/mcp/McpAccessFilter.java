package io.aegisrag.coordinator.mcp;

import io.aegisrag.coordinator.protocol.Protocol;
import io.aegisrag.coordinator.rest.JsonbResolver;
import io.aegisrag.coordinator.rest.Problem;
import io.aegisrag.coordinator.rest.ProblemResponder;
import io.aegisrag.coordinator.security.Authenticator;
import io.aegisrag.coordinator.security.CurrentCaller;
import io.aegisrag.coordinator.security.RateLimits;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.observability.metrics.AegisMetrics;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * The API's rules on {@code /mcp}: the caller's key or token is checked (any role may connect; the
 * tools that write check for {@code writer}), each call spends the caller's rate limit, and each is
 * counted in {@code aegis_api_requests_total{protocol="mcp"}}. A refused call is answered with the
 * problem+json of the REST API, its status and its {@code WWW-Authenticate} or {@code Retry-After}.
 */
final class McpAccessFilter extends HttpFilter {

    private static final Jsonb JSON = new JsonbResolver().getContext(Object.class);

    private final Authenticator authenticator;
    private final CurrentCaller caller;
    private final RateLimits limits;
    private final ProblemResponder problems;
    private final AegisMetrics metrics;

    McpAccessFilter(Authenticator authenticator, CurrentCaller caller, RateLimits limits, ProblemResponder problems, AegisMetrics metrics) {
        this.authenticator = authenticator;
        this.caller = caller;
        this.limits = limits;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        try {
            caller.set(authenticator.authenticate(authorization));
            limits.acquire(authorization, request.getRemoteAddr());
        } catch (AegisException refused) {
            refuse(response, problems.toResponse(refused));
            metrics.trackApiRequest(Protocol.MCP.label(), response.getStatus());
            return;
        }
        chain.doFilter(request, response);
        metrics.trackApiRequest(Protocol.MCP.label(), response.getStatus());
    }

    private static void refuse(HttpServletResponse response, Response problem) throws IOException {
        response.setStatus(problem.getStatus());
        problem.getStringHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem.getEntity()));
    }
}
