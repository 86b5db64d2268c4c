/** Producers and start-up wiring: clock, executor, metric bindings. */
package io.aegisrag.coordinator.startup;
