package org.evalledger.signing;

import java.util.List;
import java.util.Objects;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordValidator;
import org.evalledger.schema.ValidationReport;
import org.evalledger.signing.internal.Statements;

/**
 * Signs records into DSSE envelopes carrying in-toto Statements (SIGNING.md "Format"), and
 * countersigns envelopes others made. The payload is the RFC 8785 form of the Statement; the
 * signature covers {@link Pae#encode PAE(payloadType, payload)}; the key id goes into the
 * envelope as a hint. Thread-safe when its {@link ContentSigner} is.
 *
 * <pre>{@code
 * Signer signer = Signer.of(KeyFiles.readPrivate(Path.of("lab.key")));
 * Files.write(Path.of("mmlu.dsse.json"), signer.sign(record).toJson());
 * }</pre>
 */
public final class Signer {
    private final ContentSigner signer;

    private Signer(ContentSigner signer) {
        this.signer = signer;
    }

    /** A signer using this key (a {@link SigningKey}, or a KMS/HSM-backed implementation). */
    public static Signer of(ContentSigner signer) {
        return new Signer(Objects.requireNonNull(signer, "signer"));
    }

    /** The public half of the signing key. */
    public VerificationKey publicKey() {
        return signer.publicKey();
    }

    /**
     * Signs a record.
     *
     * @throws IllegalArgumentException when the record is not valid (validation errors are listed):
     *     a verifier would reject it, so it is not signed
     */
    public Envelope sign(EvaluationRecord record) {
        Objects.requireNonNull(record, "record");
        ValidationReport report = RecordValidator.standard().validate(record);
        if (!report.valid()) {
            throw new IllegalArgumentException("refusing to sign an invalid record: " + report.errors());
        }
        byte[] payload = Statements.payload(record);
        byte[] sig = signer.sign(Pae.encode(Envelope.IN_TOTO_PAYLOAD_TYPE, payload));
        return new Envelope(Envelope.IN_TOTO_PAYLOAD_TYPE, payload,
                List.of(new Envelope.Signature(signer.publicKey().keyId(), sig)));
    }

    /**
     * Adds this key's signature over the same PAE; the payload and the other signatures are not
     * touched. Typically done by an independent party after re-running the evaluation.
     *
     * @throws IllegalArgumentException when this key already signed the envelope, or it would
     *     exceed {@value Envelope#MAX_SIGNATURES} signatures
     */
    public Envelope countersign(Envelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        String keyId = signer.publicKey().keyId();
        if (envelope.signatures().stream().anyMatch(s -> s.keyId().filter(keyId::equals).isPresent())) {
            throw new IllegalArgumentException("key " + keyId + " already signed this envelope");
        }
        if (envelope.signatures().size() >= Envelope.MAX_SIGNATURES) {
            throw new IllegalArgumentException("the envelope already has " + Envelope.MAX_SIGNATURES + " signatures");
        }
        return envelope.withSignature(new Envelope.Signature(keyId, signer.sign(envelope.pae())));
    }
}
