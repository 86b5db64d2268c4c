/**
 * Ports: one interface per external system. Each has an embedded default adapter that needs nothing
 * installed and a production adapter chosen by MicroProfile Config (see {@link io.aegisrag.core.config.ConfigKeys}).
 * {@link io.aegisrag.core.port.ChatChain} is the chat models taken together, as the adapters that ask
 * a language model to read or judge text see them.
 */
package io.aegisrag.core.port;
