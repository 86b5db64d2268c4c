/** Producers and start-up work: clock, executors, metric bindings, tracing, the reconciliation of the stores and the reindex. */
package io.aegisrag.coordinator.startup;
