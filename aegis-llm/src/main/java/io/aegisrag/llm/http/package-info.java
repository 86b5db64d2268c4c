/** What the HTTP chat providers share: the request and its retries after {@code Retry-After}, the chat messages, and reading a streamed reply. */
package io.aegisrag.llm.http;
