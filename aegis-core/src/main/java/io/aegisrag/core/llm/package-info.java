/** What chat models return. */
package io.aegisrag.core.llm;
