/** The metrics facade, the metric-name contract and the error classification. */
package io.aegisrag.observability.metrics;
