/** Trace spans per query stage, behind an interface the application implements with OpenTelemetry. */
package io.aegisrag.observability.tracing;
