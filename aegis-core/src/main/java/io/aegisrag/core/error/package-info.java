/** Typed failures; {@link io.aegisrag.core.error.ErrorType} is the one mapping to labels and HTTP statuses. */
package io.aegisrag.core.error;
