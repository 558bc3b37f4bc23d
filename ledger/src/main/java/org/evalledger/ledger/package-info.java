/**
 * Merkle log hashing and proofs (RFC 9162 §2.1). Every type here is immutable and thread-safe.
 */
@NullMarked
package org.evalledger.ledger;

import org.jspecify.annotations.NullMarked;
