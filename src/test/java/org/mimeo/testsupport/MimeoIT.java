package org.mimeo.testsupport;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the in-container tests: the genuine mimeo.war deployed on the managed test WildFly, driven over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class MimeoIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("mimeo.test.war", "target/mimeo.war")));
    }
}
