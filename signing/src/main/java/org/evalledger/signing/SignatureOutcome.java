package org.evalledger.signing;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of one signature of an envelope: the key it was made with (when known), the key's
 * owner and role in the policy, whether it counted toward the status and why (not).
 * Immutable and thread-safe.
 *
 * @param keyId the key id of the matching trusted key, else the envelope's hint, else null
 * @param owner the trusted key's owner
 * @param role the role the signature was counted in, or the key's first role
 * @param counted whether it counted toward VERIFIED / SELF_REPORTED
 * @param reason why it counted ({@link Reason#COUNTED}) or not
 */
public record SignatureOutcome(@Nullable String keyId, @Nullable String owner, @Nullable Role role, boolean counted,
        Reason reason) {

    /** The key id, if known. */
    public Optional<String> keyIdOpt() {
        return Optional.ofNullable(keyId);
    }
}
