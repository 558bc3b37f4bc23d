package org.evalledger.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads and writes key files: PKCS#8 PEM private keys (written owner-only, {@code rw-------}) and
 * SPKI PEM public keys. Failures are {@link KeyException}s whose messages name the file, never
 * its content. Stateless and thread-safe.
 */
public final class KeyFiles {
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

    private KeyFiles() {}

    /** Reads a PKCS#8 PEM private key. @throws KeyException when unreadable or not a supported key */
    public static SigningKey readPrivate(Path file) {
        return SigningKey.fromPem(read(file));
    }

    /** Reads an SPKI PEM public key. @throws KeyException when unreadable or not a valid key */
    public static VerificationKey readPublic(Path file) {
        return VerificationKey.fromPem(read(file));
    }

    /**
     * Writes a private key, readable and writable by its owner only (on POSIX file systems the
     * file is created with those permissions, so it is never readable by others, not even briefly).
     * An existing file is not overwritten.
     *
     * @throws KeyException when the file exists or cannot be written
     */
    public static void writePrivate(Path file, SigningKey key) {
        byte[] pem = key.toPem().getBytes(StandardCharsets.US_ASCII);
        try {
            if (Files.getFileStore(parentOf(file)).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
            } else {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(pem);
            }
        } catch (FileAlreadyExistsException e) {
            throw new KeyException(KeyException.IO, "refusing to overwrite the existing file " + file);
        } catch (IOException e) {
            throw new KeyException(KeyException.IO, "cannot write the private key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Writes a public key (SPKI PEM). An existing file is replaced. @throws KeyException when it cannot be written */
    public static void writePublic(Path file, VerificationKey key) {
        try {
            Files.writeString(file, key.toPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyException(KeyException.IO, "cannot write the public key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new KeyException(KeyException.PEM, file + " is too large to be a key file");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyException(KeyException.IO, "cannot read the key file " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
