/**
 * Ports: one interface per external system. Each has an embedded default adapter that needs nothing
 * installed and a production adapter chosen by MicroProfile Config (see {@link io.aegisrag.core.config.ConfigKeys}).
 */
package io.aegisrag.core.port;
