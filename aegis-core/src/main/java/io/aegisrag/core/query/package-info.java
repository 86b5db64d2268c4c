/** Intents, modes, retrievers and the contexts a query is answered from. */
package io.aegisrag.core.query;
