/** Implementation of the detectors; not exported. */
@NullMarked
package org.evalledger.anomaly.internal;

import org.jspecify.annotations.NullMarked;
