/** Documents, their chunks and the hits retrievers return. */
package io.aegisrag.core.document;
