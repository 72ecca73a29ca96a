package org.mimeo.api.request;

import jakarta.validation.constraints.NotBlank;

/** The body of POST /sources and PUT /sources/{id}: where the source is and whom to log in as. */
public record SourceBody(
        @NotBlank(message = Texts.REQUIRED) @DataSource String dataSource,
        @NotBlank(message = Texts.REQUIRED) String username,
        PasswordField password) {

    public static final SourceBody NONE = new SourceBody(null, null, null);

    /** The password given, null when none was (absent, null or empty). */
    public String passwordText() {
        return password == null || password.value() == null || password.value().isEmpty() ? null : password.value();
    }
}
