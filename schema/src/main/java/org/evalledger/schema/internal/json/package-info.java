/** Strict JSON reading and RFC 8785 canonical writing; not exported. All classes are stateless and thread-safe. */
@NullMarked
package org.evalledger.schema.internal.json;

import org.jspecify.annotations.NullMarked;
