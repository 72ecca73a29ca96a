package org.mimeo.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Activates Jakarta REST under /mimeo/api. */
@ApplicationPath("/api")
public class MimeoApplication extends Application {
}
