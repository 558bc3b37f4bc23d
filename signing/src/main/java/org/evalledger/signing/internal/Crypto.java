package org.evalledger.signing.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.KeyException;
import org.jspecify.annotations.Nullable;

/**
 * All cryptography of the signing module, on Bouncy Castle's lightweight API (never the JDK's
 * SunEC, which accepts 65-byte Ed25519 and short ECDSA signatures). Every verdict is Bouncy
 * Castle's; an Ed25519 key that verifies many signatures gets a table of its multiples ({@link
 * Ed25519Tables}) that shows a valid signature valid in about half the time, and leaves every other
 * to Bouncy Castle. Thread-safe; the only state is each key's table, published once.
 */
public final class Crypto {
    /** Every signature is exactly this long: Ed25519, or ECDSA P-256 as r||s. */
    public static final int SIGNATURE_BYTES = 64;

    /**
     * P-256's domain, made on first use: about 40 ms of a cold command (Bouncy Castle builds the
     * curve and its precomputation), which a command with Ed25519 keys only does not need.
     */
    private static final class P256 {
        static final ECNamedDomainParameters DOMAIN = ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);
        static final BigInteger HALF_N = DOMAIN.getN().shiftRight(1);
    }

    private Crypto() {}

    /** The outcome of checking one signature. */
    public enum Check {
        /** The signature verifies. */
        VALID,
        /** Not exactly 64 bytes. */
        WRONG_LENGTH,
        /** Ed25519 S >= L, or ECDSA r or s outside [1, n-1]. */
        NON_CANONICAL,
        /** Well-formed but does not verify. */
        MISMATCH
    }

    /**
     * A decoded public key: its algorithm, SPKI DER and Bouncy Castle parameters; for Ed25519 also
     * the raw 32-byte encoding and the point it decodes to, taken once at import so that each
     * verification skips decoding the key (a square root in the field, about a sixth of a
     * verification), and its {@link Ed25519Tables.Accelerator}; null for ECDSA.
     */
    public record PublicKey(Algorithm algorithm, byte[] spki, AsymmetricKeyParameter params, byte @Nullable [] ed25519Raw,
            Ed25519.@Nullable PublicPoint ed25519Point, Ed25519Tables.@Nullable Accelerator ed25519Tables) {}

    /** A decoded private key and its public half. */
    public record PrivateKey(Algorithm algorithm, AsymmetricKeyParameter params, PublicKey publicKey) {}

    // ---------------------------------------------------------------- keys

    /**
     * The DER SubjectPublicKeyInfo of an Ed25519 key without its 32 key bytes (RFC 8410 §4: the
     * algorithm identifier has no parameters, the BIT STRING no unused bits), the one encoding
     * {@link #spkiOf} gives such a key.
     */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** An Ed25519 public key's length. */
    private static final int ED25519_KEY_BYTES = 32;

    /**
     * Decodes and validates a DER SubjectPublicKeyInfo (SIGNING.md rejection 8). The usual
     * encoding of an Ed25519 key, {@link #ED25519_SPKI_PREFIX} and the key, is read directly;
     * anything else goes through Bouncy Castle's ASN.1 parser and key factory ({@link
     * #publicKeyFromAsn1}), which give the same key for those bytes but cost a cold command about
     * 30 ms of class loading.
     */
    public static PublicKey publicKey(byte[] spkiDer) {
        if (spkiDer.length == ED25519_SPKI_PREFIX.length + ED25519_KEY_BYTES && startsWith(spkiDer, 0, ED25519_SPKI_PREFIX)) {
            Ed25519PublicKeyParameters params;
            try {
                params = new Ed25519PublicKeyParameters(spkiDer, ED25519_SPKI_PREFIX.length);
            } catch (IllegalArgumentException e) {
                throw notAValidPoint(e);
            }
            return checked(params);
        }
        return publicKeyFromAsn1(spkiDer);
    }

    /** {@link #publicKey} through Bouncy Castle's ASN.1 parser and key factory, for any encoding. */
    static PublicKey publicKeyFromAsn1(byte[] spkiDer) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(spkiDer);
        } catch (RuntimeException e) {
            throw new KeyException(KeyException.PEM, "the public key is not a DER SubjectPublicKeyInfo ("
                    + e.getClass().getSimpleName() + ")");
        }
        AsymmetricKeyParameter params;
        try {
            params = PublicKeyFactory.createKey(info);
        } catch (IllegalArgumentException e) {
            throw notAValidPoint(e);
        } catch (IOException | RuntimeException e) {
            throw new KeyException(KeyException.UNSUPPORTED, "the public key cannot be decoded ("
                    + e.getClass().getSimpleName() + "); expected an Ed25519 or P-256 key");
        }
        return checked(params);
    }

    /** Bouncy Castle refuses points that are not on the curve, or not valid keys, while decoding them. */
    private static KeyException notAValidPoint(IllegalArgumentException e) {
        return new KeyException(KeyException.WEAK, "the public key is not a valid point (" + e.getMessage() + ")");
    }

    private static PublicKey checked(AsymmetricKeyParameter params) {
        if (params instanceof Ed25519PublicKeyParameters ed) {
            byte[] raw = ed.getEncoded();
            Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(raw, 0); // null where validatePublicKeyFull is false
            if (point == null) {
                throw new KeyException(KeyException.WEAK,
                        "the Ed25519 public key is of small order or not canonically encoded; it cannot be trusted");
            }
            return new PublicKey(Algorithm.ED25519, ed25519Spki(raw), params, raw, point, new Ed25519Tables.Accelerator(raw));
        }
        if (params instanceof ECPublicKeyParameters ec) {
            ECDomainParameters d = ec.getParameters();
            if (!(d instanceof ECNamedDomainParameters named) || !SECObjectIdentifiers.secp256r1.equals(named.getName())) {
                if (!d.getCurve().equals(P256.DOMAIN.getCurve()) || !d.getG().equals(P256.DOMAIN.getG())) {
                    throw new KeyException(KeyException.UNSUPPORTED, "only the P-256 curve is supported for ECDSA keys");
                }
            }
            if (ec.getQ().isInfinity() || !ec.getQ().isValid()) {
                throw new KeyException(KeyException.WEAK, "the EC public key is not a valid point of P-256");
            }
            ECPublicKeyParameters normalised = new ECPublicKeyParameters(ec.getQ(), P256.DOMAIN);
            return new PublicKey(Algorithm.ECDSA_P256, spkiOf(normalised), normalised, null, null, null);
        }
        throw new KeyException(KeyException.UNSUPPORTED,
                "unsupported key type " + params.getClass().getSimpleName() + "; use Ed25519 or ECDSA P-256");
    }

    /** The DER SubjectPublicKeyInfo of an Ed25519 key: what {@link #spkiOf} gives, without Bouncy Castle's ASN.1 classes. */
    static byte[] ed25519Spki(byte[] raw) {
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + ED25519_KEY_BYTES);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, ED25519_KEY_BYTES);
        return spki;
    }

    /** The DER SubjectPublicKeyInfo of a key, by Bouncy Castle's encoder. */
    static byte[] spkiOf(AsymmetricKeyParameter params) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(params).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a public key", e);
        }
    }

    /**
     * The DER PKCS#8 encodings of an Ed25519 private key up to its 32 key bytes (RFC 8410 §7, RFC
     * 5958's names): v1 (the INTEGER version 0) with the key alone, 48 bytes in all; v2 (version 1)
     * with the public key after it ({@link #ED25519_PKCS8_PUBLIC}, 83 bytes), as {@link #pkcs8}
     * writes it.
     */
    private static final byte[] ED25519_PKCS8_V1 = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] ED25519_PKCS8_V2 = HexFormat.of().parseHex("3051020101300506032b657004220420");
    /** What follows the private key in {@link #ED25519_PKCS8_V2}: the public key's [1] BIT STRING, no unused bits. */
    private static final byte[] ED25519_PKCS8_PUBLIC = HexFormat.of().parseHex("812100");

    /**
     * Decodes a DER PKCS#8 PrivateKeyInfo. Messages never include key bytes. The two usual
     * encodings of an Ed25519 key ({@link #ED25519_PKCS8_V1}, {@link #ED25519_PKCS8_V2}) are read
     * directly, anything else through Bouncy Castle's ASN.1 parser and key factory ({@link
     * #privateKeyFromAsn1}), which give the same key for those bytes (the public key of v2 is
     * derived from the private key, never read, in both) but cost a cold command about 45 ms of
     * class loading.
     */
    public static PrivateKey privateKey(byte[] pkcs8Der) {
        int off = ED25519_PKCS8_V1.length; // the same length for both versions
        boolean v1 = pkcs8Der.length == off + ED25519_KEY_BYTES && startsWith(pkcs8Der, 0, ED25519_PKCS8_V1);
        boolean v2 = pkcs8Der.length == off + ED25519_KEY_BYTES + ED25519_PKCS8_PUBLIC.length + ED25519_KEY_BYTES
                && startsWith(pkcs8Der, 0, ED25519_PKCS8_V2) && startsWith(pkcs8Der, off + ED25519_KEY_BYTES, ED25519_PKCS8_PUBLIC);
        if (v1 || v2) {
            return privateOf(new Ed25519PrivateKeyParameters(pkcs8Der, off));
        }
        return privateKeyFromAsn1(pkcs8Der);
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** {@link #privateKey} through Bouncy Castle's ASN.1 parser and key factory, for any encoding. */
    static PrivateKey privateKeyFromAsn1(byte[] pkcs8Der) {
        AsymmetricKeyParameter params;
        try {
            params = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(pkcs8Der));
        } catch (IOException | RuntimeException e) {
            throw new KeyException(KeyException.PEM, "the private key does not decode as PKCS#8 ("
                    + e.getClass().getSimpleName() + ")");
        }
        return privateOf(params);
    }

    private static PrivateKey privateOf(AsymmetricKeyParameter params) {
        if (params instanceof Ed25519PrivateKeyParameters ed) {
            return new PrivateKey(Algorithm.ED25519, ed, checked(ed.generatePublicKey()));
        }
        if (params instanceof ECPrivateKeyParameters ec) {
            if (!ec.getParameters().getCurve().equals(P256.DOMAIN.getCurve())) {
                throw new KeyException(KeyException.UNSUPPORTED, "only the P-256 curve is supported for ECDSA keys");
            }
            ECPrivateKeyParameters normalised = new ECPrivateKeyParameters(ec.getD(), P256.DOMAIN);
            ECPublicKeyParameters pub = new ECPublicKeyParameters(P256.DOMAIN.getG().multiply(ec.getD()).normalize(), P256.DOMAIN);
            return new PrivateKey(Algorithm.ECDSA_P256, normalised, checked(pub));
        }
        throw new KeyException(KeyException.UNSUPPORTED,
                "unsupported private key type " + params.getClass().getSimpleName() + "; use Ed25519 or ECDSA P-256");
    }

    /** A new key pair. */
    public static PrivateKey generate(Algorithm algorithm, SecureRandom random) {
        if (algorithm == Algorithm.ED25519) {
            return privateOf(new Ed25519PrivateKeyParameters(random));
        }
        ECKeyPairGenerator gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(P256.DOMAIN, random));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        return privateOf(pair.getPrivate());
    }

    /** The DER PKCS#8 encoding of a private key. */
    public static byte[] pkcs8(PrivateKey key) {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(key.params()).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a private key", e);
        }
    }

    /** Key id: lower-case hex SHA-256 of the DER SubjectPublicKeyInfo. */
    public static String keyId(byte[] spkiDer) {
        return HexFormat.of().formatHex(sha256(spkiDer));
    }

    /** SHA-256. */
    public static byte[] sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    /** SHA-256 of {@code length} bytes from {@code offset}. */
    public static byte[] sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, offset, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---------------------------------------------------------------- PEM

    /** The DER content of the single PEM block of this type in the text. */
    public static byte[] pemBlock(String text, String type) {
        // the PEM reader of bcprov: bcpkix's PEMParser adds parsers for objects, which readPemObject does not use
        try (PemReader parser = new PemReader(new StringReader(text))) {
            PemObject object = parser.readPemObject();
            if (object == null) {
                throw new KeyException(KeyException.PEM, "no PEM block found; expected \"-----BEGIN " + type + "-----\"");
            }
            if (!type.equals(object.getType())) {
                throw new KeyException(KeyException.PEM, "found a PEM block of type \"" + object.getType()
                        + "\" where \"" + type + "\" was expected" + (type.equals("PRIVATE KEY")
                                ? " (private keys must be unencrypted PKCS#8)" : " (public keys must be SPKI)"));
            }
            if (parser.readPemObject() != null) {
                throw new KeyException(KeyException.PEM, "more than one PEM block; a key file holds exactly one key");
            }
            return object.getContent();
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyException ke) {
                throw ke;
            }
            throw new KeyException(KeyException.PEM, "malformed PEM (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A PEM block. */
    public static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- signatures

    /** Signs a message: Ed25519, or deterministic (RFC 6979) low-S ECDSA P-256/SHA-256 as r||s. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        if (key.algorithm() == Algorithm.ED25519) {
            byte[] sig = new byte[SIGNATURE_BYTES];
            ((Ed25519PrivateKeyParameters) key.params()).sign(Ed25519.Algorithm.Ed25519, null, message, 0,
                    message.length, sig, 0);
            return sig;
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key.params());
        BigInteger[] rs = signer.generateSignature(sha256(message));
        BigInteger s = rs[1].compareTo(P256.HALF_N) > 0 ? P256.DOMAIN.getN().subtract(rs[1]) : rs[1];
        byte[] sig = new byte[SIGNATURE_BYTES];
        put32(rs[0], sig, 0);
        put32(s, sig, 32);
        return sig;
    }

    private static void put32(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }

    /** Checks a signature over the exact message bytes; never throws for bad signatures. */
    public static Check verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return Check.WRONG_LENGTH;
        }
        if (key.algorithm() == Algorithm.ED25519) {
            return verifyEd25519(Objects.requireNonNull(key.ed25519Raw()), Objects.requireNonNull(key.ed25519Point()),
                    Objects.requireNonNull(key.ed25519Tables()).table(), message, signature);
        }
        BigInteger n = P256.DOMAIN.getN();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n) >= 0) {
            return Check.NON_CANONICAL;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key.params());
        return verifier.verifySignature(sha256(message), r, s) ? Check.VALID : Check.MISMATCH;
    }

    /**
     * Ed25519 at the raw-signature level (no key import checks): rejects a signature that is not
     * 64 bytes, S >= L, and non-canonical encodings of R or of the key (y >= p), then lets
     * Bouncy Castle verify.
     */
    public static Check verifyEd25519(byte[] rawPublicKey, byte[] message, byte[] signature) {
        return verifyEd25519(rawPublicKey, null, null, message, signature);
    }

    /**
     * {@link #verifyEd25519(byte[], byte[], byte[])} with the key's point decoded before, when it is
     * known, and its table, when it has one: a signature that the table shows valid ({@link
     * Ed25519Tables#verifies}) is valid for Bouncy Castle too, and any other goes to Bouncy Castle.
     */
    private static Check verifyEd25519(byte[] rawPublicKey, Ed25519.@Nullable PublicPoint point,
            Ed25519Tables.@Nullable KeyTable table, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return Check.WRONG_LENGTH;
        }
        if (rawPublicKey.length != 32 || !Ed25519Tables.belowL(signature, 32) || !canonicalY(signature, 0)
                || !canonicalY(rawPublicKey, 0)) {
            return Check.NON_CANONICAL;
        }
        if (table != null && Ed25519Tables.verifies(table, message, signature)) {
            return Check.VALID;
        }
        try {
            boolean valid = point == null
                    ? Ed25519.verify(signature, 0, rawPublicKey, 0, message, 0, message.length)
                    : Ed25519.verify(signature, 0, point, message, 0, message.length);
            return valid ? Check.VALID : Check.MISMATCH;
        } catch (RuntimeException e) {
            return Check.MISMATCH; // an undecodable point cannot verify anything
        }
    }

    /**
     * Whether the 32-byte point encoding at b[off] has y below p = 2^255 - 19 (the sign bit aside): y is
     * p or more only when its 255 bits are all ones but for the lowest byte, which is 0xed or more.
     */
    static boolean canonicalY(byte[] b, int off) {
        if (b.length - off < 32) {
            return false;
        }
        if ((b[off + 31] & 0x7f) != 0x7f || (b[off] & 0xff) < 0xed) {
            return true;
        }
        for (int i = 1; i < 31; i++) {
            if (b[off + i] != (byte) 0xff) {
                return true;
            }
        }
        return false;
    }
}
