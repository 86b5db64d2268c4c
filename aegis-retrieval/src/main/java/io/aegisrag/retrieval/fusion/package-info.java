/** Fusing the retrievers' rankings with the weights of the question's intent: by normalised scores (the default) or by reciprocal ranks. */
package io.aegisrag.retrieval.fusion;
