package org.evalledger.signing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.evalledger.signing.internal.Crypto;

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys: the text, a blank line, then one
 * line per signature, {@code — name base64(key hash ‖ signature)}. Used for the ledger's
 * checkpoints. Stateless and thread-safe.
 */
public final class SignedNote {
    private static final String DASH = "\u2014 ";
    /** Most signature lines a note may carry. */
    public static final int MAX_SIGNATURES = 100;

    private SignedNote() {}

    /** The verified text of a note and the known keys whose signatures verified. */
    public record Opened(String text, List<NoteKey> verifiedBy) {
        /** Copies the list. */
        public Opened {
            verifiedBy = List.copyOf(verifiedBy);
        }
    }

    /**
     * Signs text (UTF-8, ending with a newline, no control characters but newlines) with an Ed25519
     * key under a name, giving the whole note.
     *
     * @throws NoteException ({@code EL-NOTE-MALFORMED}) for text that cannot be a note's text
     */
    public static String sign(String text, String name, SigningKey key) {
        checkText(text);
        NoteKey nk = NoteKey.of(name, key.publicKey());
        byte[] sig = key.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] line = new byte[4 + sig.length];
        System.arraycopy(nk.hashBytes(), 0, line, 0, 4);
        System.arraycopy(sig, 0, line, 4, sig.length);
        return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /** Adds a signature to a note that already has some (a cosignature); the text is not re-checked here. */
    public static String addSignature(String note, String name, SigningKey key) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException(NoteException.MALFORMED, "not a signed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String signed = sign(text, name, key);
        return note + signed.substring(text.length() + 1);
    }

    /**
     * Opens a note given as bytes (they must be UTF-8). @see #open(String, Collection)
     */
    public static Opened open(byte[] note, Collection<NoteKey> known) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(note)).toString();
            return open(s, known);
        } catch (CharacterCodingException e) {
            throw new NoteException(NoteException.MALFORMED, "a signed note must be UTF-8");
        }
    }

    /**
     * Checks a note: well-formed, every signature by a known key (same name and key hash) verifies,
     * and at least one does. Signatures by other keys are ignored.
     *
     * @throws NoteException {@code EL-NOTE-MALFORMED}, {@code EL-NOTE-BAD-SIGNATURE} or {@code EL-NOTE-UNVERIFIED}
     */
    public static Opened open(String note, Collection<NoteKey> known) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException(NoteException.MALFORMED, "no blank line between the text and the signatures");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        String sigs = note.substring(split + 2);
        if (sigs.isEmpty() || !sigs.endsWith("\n")) {
            throw new NoteException(NoteException.MALFORMED, "the signature lines must be present and end with a newline");
        }
        String[] lines = sigs.substring(0, sigs.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteException(NoteException.MALFORMED, lines.length + " signatures, more than " + MAX_SIGNATURES);
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteKey> verified = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith(DASH)) {
                throw new NoteException(NoteException.MALFORMED, "a signature line must start with an em dash and a space");
            }
            String rest = line.substring(DASH.length());
            int space = rest.indexOf(' ');
            if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
                throw new NoteException(NoteException.MALFORMED, "a signature line is '— name signature'");
            }
            String name = rest.substring(0, space);
            if (name.indexOf('+') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
                throw new NoteException(NoteException.MALFORMED, "a key name must not contain '+' or control characters");
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(rest.substring(space + 1));
            } catch (IllegalArgumentException e) {
                throw new NoteException(NoteException.MALFORMED, "a signature is not base64");
            }
            if (blob.length < 5) {
                throw new NoteException(NoteException.MALFORMED, "a signature is too short");
            }
            byte[] hash = Arrays.copyOf(blob, 4);
            for (NoteKey k : known) {
                if (k.name().equals(name) && Arrays.equals(k.hashBytes(), hash)) {
                    byte[] sig = Arrays.copyOfRange(blob, 4, blob.length);
                    if (Crypto.verifyEd25519(k.raw(), message, sig) != Crypto.Check.VALID) {
                        throw new NoteException(NoteException.BAD_SIGNATURE, "invalid signature for key " + name + "+" + k.keyHash());
                    }
                    if (!verified.contains(k)) {
                        verified.add(k);
                    }
                }
            }
        }
        if (verified.isEmpty()) {
            throw new NoteException(NoteException.UNVERIFIED, "no signature by a known key");
        }
        return new Opened(text, verified);
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new NoteException(NoteException.MALFORMED, "a note's text must be non-empty and end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f) {
                throw new NoteException(NoteException.MALFORMED, "a note's text must not contain control characters other than newline");
            }
        }
    }
}
