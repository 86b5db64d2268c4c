/** The WAR: REST resources, intent classification, orchestration and start-up wiring. */
package io.aegisrag.coordinator;
