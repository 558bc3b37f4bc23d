/** Implementation of the interop module; not exported, may change at any time. */
@NullMarked
package org.evalledger.interop.internal;

import org.jspecify.annotations.NullMarked;
