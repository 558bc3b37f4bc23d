package org.evalledger.signing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A key a trust policy trusts: its owner, roles, validity window, revocation and model scope.
 * Immutable and thread-safe.
 *
 * <p>Scope globs match {@code model.id}: {@code *} matches within one path segment (no {@code /}),
 * {@code **} matches across segments, every other character literally. An empty scope means
 * every model.
 *
 * @param key the public key
 * @param owner who holds it (a producer never verifies its own work: owners are compared)
 * @param roles producer, verifier, hub; at least one
 * @param notBefore start of the validity window, inclusive; null for open
 * @param notAfter end of the validity window, inclusive; null for open
 * @param revokedAt when the key was revoked; signatures verified at or after it are REVOKED
 * @param scope model-id globs; empty for every model
 */
public record TrustedKey(
        VerificationKey key,
        String owner,
        Set<Role> roles,
        @Nullable Instant notBefore,
        @Nullable Instant notAfter,
        @Nullable Instant revokedAt,
        List<String> scope) {

    /** @throws IllegalArgumentException when the owner is blank or no role is given */
    public TrustedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("a trusted key needs an owner");
        }
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a trusted key needs at least one role");
        }
        scope = List.copyOf(scope);
        for (String glob : scope) {
            if (glob.isEmpty()) {
                throw new IllegalArgumentException("an empty scope glob matches nothing; leave scope out to match every model");
            }
        }
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is before notBefore " + notBefore);
        }
    }

    /** A key with these roles, no window, no revocation and no scope. */
    public static TrustedKey of(VerificationKey key, String owner, Role... roles) {
        return new TrustedKey(key, owner, Set.of(roles), null, null, null, List.of());
    }

    /** The key id. */
    public String keyId() {
        return key.keyId();
    }

    /** Whether the key was revoked at or before this time. */
    public boolean revokedAt(Instant at) {
        return revokedAt != null && !revokedAt.isAfter(at);
    }

    /** Whether this time lies inside the validity window (both ends inclusive). */
    public boolean validAt(Instant at) {
        return (notBefore == null || !at.isBefore(notBefore)) && (notAfter == null || !at.isAfter(notAfter));
    }

    /** Whether the scope covers this model id. */
    public boolean covers(String modelId) {
        if (scope.isEmpty()) {
            return true;
        }
        for (String glob : scope) {
            if (globPattern(glob).matcher(modelId).matches()) {
                return true;
            }
        }
        return false;
    }

    static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            if (glob.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (glob.charAt(i) == '*') {
                re.append("[^/]*");
                i++;
            } else {
                int next = i;
                while (next < glob.length() && glob.charAt(next) != '*') {
                    next++;
                }
                re.append(Pattern.quote(glob.substring(i, next)));
                i = next;
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
