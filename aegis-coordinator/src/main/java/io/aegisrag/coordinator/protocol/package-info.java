/**
 * What the HTTP protocols the service speaks share: which protocol a call spoke ({@link Protocol}),
 * the call counter by protocol, the models the service shows to chat clients ({@link RagModels}), a
 * chat client's messages as a question and its conversation ({@link ChatMessages}), and a streamed
 * answer written piece by piece ({@link LineStream}).
 */
package io.aegisrag.coordinator.protocol;
