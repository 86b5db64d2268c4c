/** The OpenAI-compatible chat model (OpenAI, vLLM, DashScope): {@code /chat/completions} streamed as Server-Sent Events. */
package io.aegisrag.llm.openai;
