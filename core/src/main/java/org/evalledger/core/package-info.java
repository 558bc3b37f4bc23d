/**
 * Evaluation records (schema v1) as immutable values. Every type in this package is immutable
 * and safe to share between threads; builders are not thread-safe.
 */
@NullMarked
package org.evalledger.core;

import org.jspecify.annotations.NullMarked;
