/** The readiness check shared by every backing service. */
package io.aegisrag.observability.health;
