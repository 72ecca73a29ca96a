package org.mimeo.copy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jberet.cdi.StepScoped;

/**
 * Makes {@link CopySession} a step-scoped bean. A producer, because WildFly's annotated bean discovery
 * does not take JBeret's {@code @StepScoped} on a class for a bean-defining annotation.
 */
@ApplicationScoped
public class CopySessionProducer {

    @Produces
    @StepScoped
    CopySession session() {
        return new CopySession();
    }
}
