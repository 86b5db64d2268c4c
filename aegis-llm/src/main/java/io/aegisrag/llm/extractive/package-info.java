/** The embedded extractive answerer. */
package io.aegisrag.llm.extractive;
