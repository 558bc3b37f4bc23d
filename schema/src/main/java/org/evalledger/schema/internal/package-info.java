/** Implementation of the schema module; not exported, may change at any time. */
@NullMarked
package org.evalledger.schema.internal;

import org.jspecify.annotations.NullMarked;
