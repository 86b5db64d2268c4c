/** Bi-temporal facts and their types. */
package io.aegisrag.core.memory;
