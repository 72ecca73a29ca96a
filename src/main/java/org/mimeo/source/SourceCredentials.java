package org.mimeo.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.Settings;
import org.wildfly.security.credential.SecretKeyCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;

/**
 * Encrypts and decrypts source passwords (AES-256-GCM) with a secret key the
 * destination database never sees: alias {@code key} of the Elytron secret-key credential store
 * {@code mimeo-secrets} (wildfly-config/configure-security.cli), by default
 * {@code standalone/configuration/mimeo-secrets.cs}; setting {@code mimeo.secretKeyStore} names another file.
 * WildFly creates the file with a random key on its first start; if it is still missing, the first use
 * creates it the same way. A decrypted password is a {@code char[]} that lives only while a connection is
 * opened ({@link SourceLogin}); the caller wipes it.
 */
@ApplicationScoped
public class SourceCredentials {

    private static final String ALIAS = "key";
    /** Stored form: this prefix, then base64 of a random 96-bit IV followed by the AES-GCM ciphertext and tag. */
    private static final String FORMAT = "aes-gcm:";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile SecretKey key;

    public String encrypt(String password) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return FORMAT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MimeoMessages.MSG.cannotEncrypt(location()), e);
        }
    }

    /** The password in clear: the caller wipes it ({@code Arrays.fill(password, '\0')}) as soon as it was used. */
    public char[] decrypt(int sourceId, String stored) {
        byte[] plain = null;
        try {
            if (!stored.startsWith(FORMAT)) {
                throw new IllegalArgumentException("unknown format");
            }
            byte[] in = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return chars(plain);
        } catch (GeneralSecurityException | IllegalArgumentException | CharacterCodingException e) {
            throw MimeoException.unreachable(MimeoMessages.MSG.passwordNotDecryptable(sourceId, location()), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static char[] chars(byte[] utf8) throws CharacterCodingException {
        CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8));
        char[] result = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        return result;
    }

    /** Opens (or creates) the key store now, so a missing or unreadable one stops the start-up, not a later request. */
    public void ensureKey() {
        key();
    }

    public Path location() {
        return Settings.secretKeyStore();
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load(location());
                }
                k = key;
            }
        }
        return k;
    }

    /** The key file is as secret as application-users.properties: readable by the server's user only. */
    private static void ownerOnly(Path file) throws java.io.IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static SecretKey load(Path file) {
        try {
            CredentialStore store = CredentialStore.getInstance("PropertiesCredentialStore", WildFlyElytronCredentialStoreProvider.getInstance());
            store.initialize(Map.of("location", file.toString(), "create", "true"));
            if (!store.exists(ALIAS, SecretKeyCredential.class)) {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256);
                Files.createDirectories(file.toAbsolutePath().getParent());
                store.store(ALIAS, new SecretKeyCredential(generator.generateKey()));
                store.flush();
            }
            ownerOnly(file);
            return store.retrieve(ALIAS, SecretKeyCredential.class).getSecretKey();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(MimeoMessages.MSG.keyStoreUnusable(file, ALIAS, Settings.SECRET_KEY_STORE), e);
        }
    }
}
