package org.mimeo.source;

import io.agroal.api.security.AgroalSecurityProvider;
import java.util.Arrays;
import java.util.Properties;

/**
 * A source's login as its pool holds it: the user name and the stored, encrypted password. The pool asks for the
 * driver's {@code user} and {@code password} each time it opens a connection, and only then is the password
 * decrypted. pgjdbc takes it as a String property, so it exists in clear for as long as that {@link Properties}
 * object: one connection attempt.
 */
final class SourceLogin implements AgroalSecurityProvider {

    private final int sourceId;
    private final String username;
    private final String encryptedPassword;
    private final SourceCredentials credentials;

    SourceLogin(int sourceId, String username, String encryptedPassword, SourceCredentials credentials) {
        this.sourceId = sourceId;
        this.username = username;
        this.encryptedPassword = encryptedPassword;
        this.credentials = credentials;
    }

    /** This login is both the pool's credential and the provider that reads it: any other object is not ours. */
    @Override
    public Properties getSecurityProperties(Object securityObject) {
        if (securityObject != this) {
            return null;
        }
        Properties login = new Properties();
        login.setProperty("user", username);
        if (encryptedPassword != null) {
            char[] password = credentials.decrypt(sourceId, encryptedPassword);
            try {
                login.setProperty("password", new String(password));
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return login;
    }

    @Override
    public String toString() {
        return "login of source " + sourceId + " as " + username;
    }
}
