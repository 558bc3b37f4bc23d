package org.evalledger.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void writesOwnerOnlyPrivateKeysAndReadsBothHalvesBack(Algorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm);
        Path priv = dir.resolve("lab.key");
        Path pub = dir.resolve("lab.pub");
        KeyFiles.writePrivate(priv, key);
        KeyFiles.writePublic(pub, key.publicKey());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
        }
        assertTrue(Files.readString(priv).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(pub).startsWith("-----BEGIN PUBLIC KEY-----"));
        SigningKey back = KeyFiles.readPrivate(priv);
        assertEquals(key.publicKey(), back.publicKey());
        assertEquals(key.publicKey(), KeyFiles.readPublic(pub));
        byte[] message = "m".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(org.evalledger.signing.internal.Crypto.Check.VALID,
                org.evalledger.signing.internal.Crypto.verify(key.publicKey().internal(), message, back.sign(message)));
    }

    @Test
    void neverOverwritesAPrivateKeyFile() {
        Path priv = dir.resolve("lab.key");
        KeyFiles.writePrivate(priv, SigningKey.generate(Algorithm.ED25519));
        assertEquals(KeyException.IO, assertThrows(KeyException.class,
                () -> KeyFiles.writePrivate(priv, SigningKey.generate(Algorithm.ED25519))).code());
    }

    @Test
    void privateKeyMaterialAppearsInNoStringOrMessage() throws Exception {
        SigningKey key = SigningKey.generate(Algorithm.ED25519);
        String pem = key.toPem();
        String body = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        assertFalse(key.toString().contains(body));
        assertTrue(key.toString().contains(key.publicKey().keyId()));
        // a truncated private key file: the error names the file, never its content
        Path broken = dir.resolve("broken.key");
        Files.writeString(broken, pem.substring(0, pem.length() - 40));
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.readPrivate(broken));
        assertEquals(KeyException.PEM, e.code());
        assertFalse(e.getMessage().contains(body.substring(0, 20)), e.getMessage());
    }

    @Test
    void aPublicKeyWhereAPrivateOneIsExpectedIsAClearError() throws Exception {
        Path pub = dir.resolve("lab.pub");
        KeyFiles.writePublic(pub, SigningKey.generate(Algorithm.ED25519).publicKey());
        KeyException e = assertThrows(KeyException.class, () -> KeyFiles.readPrivate(pub));
        assertEquals(KeyException.PEM, e.code());
        assertTrue(e.getMessage().contains("PRIVATE KEY"), e.getMessage());
        assertEquals(KeyException.IO, assertThrows(KeyException.class, () -> KeyFiles.readPublic(dir.resolve("none.pub"))).code());
    }

    @Test
    void ecdsaSignaturesAreLowS() {
        SigningKey key = SigningKey.generate(Algorithm.ECDSA_P256);
        java.math.BigInteger halfN = new java.math.BigInteger(
                "7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8", 16);
        for (int i = 0; i < 50; i++) {
            byte[] sig = key.sign(new byte[] {(byte) i});
            assertTrue(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64)).compareTo(halfN) <= 0);
        }
    }
}
