/**
 * The one place where AegisRAG touches MicroProfile Metrics and Health: interceptor bindings that
 * other modules put on their beans, the {@link io.aegisrag.observability.metrics.AegisMetrics} facade,
 * and the health check every backing service shares.
 */
package io.aegisrag.observability;
