/** MicroProfile Health checks, one per backing service. */
package io.aegisrag.coordinator.health;
