/** The prompt built within the model's context window, and the filter that drops citations pointing at no source. */
package io.aegisrag.llm.prompt;
