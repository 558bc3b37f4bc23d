/**
 * Signing and verifying evaluation records (SIGNING.md).
 *
 * <ul>
 *   <li>{@link org.evalledger.signing.Signer} turns a record into a DSSE {@link org.evalledger.signing.Envelope}
 *       and adds countersignatures;
 *   <li>{@link org.evalledger.signing.Verifier} checks an envelope against a
 *       {@link org.evalledger.signing.TrustPolicy} and returns a {@link org.evalledger.signing.Verification}
 *       with one {@link org.evalledger.signing.Status} for any input: it never throws for bad input;
 *   <li>{@link org.evalledger.signing.DsseVerifier} is the bare DSSE layer: signatures against a set of keys
 *       with a threshold, knowing nothing of records or policies;
 *   <li>{@link org.evalledger.signing.KeyFiles} reads and writes PEM keys.
 * </ul>
 *
 * <p>No Bouncy Castle type appears in this package's signatures.
 */
@NullMarked
package org.evalledger.signing;

import org.jspecify.annotations.NullMarked;
