/** Implementation of the signing module; not exported, may change at any time. */
@NullMarked
package org.evalledger.signing.internal;

import org.jspecify.annotations.NullMarked;
