/** Memory: short-term conversation turns and bi-temporal facts, with their embedded adapters. */
package io.aegisrag.memory;
