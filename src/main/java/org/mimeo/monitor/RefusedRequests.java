package org.mimeo.monitor;

import io.micrometer.core.instrument.Counter;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mimeo.error.Failure;

/**
 * Counts the requests the server refused for their credentials: 401 (no or wrong login) and 403 (a role
 * too low). A failed login never reaches the application's request filters, only the error page's
 * dispatch (web.xml sends 401/403 to /auth-error), so both dispatches are watched; each refusal passes
 * exactly one of them.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RefusedRequests extends HttpFilter {

    static final String REFUSED = "mimeo.requests.refused";

    @Inject
    PrometheusMeters meters;

    /** Both series from the start, at zero. */
    @Override
    public void init() {
        refused(Failure.UNAUTHORIZED);
        refused(Failure.FORBIDDEN);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == Failure.UNAUTHORIZED.status() || status == Failure.FORBIDDEN.status()) {
            refused(status == Failure.UNAUTHORIZED.status() ? Failure.UNAUTHORIZED : Failure.FORBIDDEN).increment();
        }
    }

    private Counter refused(Failure failure) {
        return Counter.builder(REFUSED).description("Requests refused for their credentials: unauthorized (401) or forbidden (403)")
                .tag("error", failure.code()).register(meters.registry());
    }
}
