/** Storage internals of the ledger; not exported. */
@NullMarked
package org.evalledger.ledger.internal;

import org.jspecify.annotations.NullMarked;
