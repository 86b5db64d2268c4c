/** The LLM proxy: chat model adapters and the router that picks one by configuration. */
package io.aegisrag.llm;
