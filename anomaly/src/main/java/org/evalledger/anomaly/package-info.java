/**
 * Anomaly detection for evaluation results (ANOMALY.md). Start with
 * {@link org.evalledger.anomaly.AnomalyDetector#fit(Population)}; every type here is immutable
 * and thread-safe unless its Javadoc says otherwise (builders are not).
 */
@NullMarked
package org.evalledger.anomaly;

import org.jspecify.annotations.NullMarked;
