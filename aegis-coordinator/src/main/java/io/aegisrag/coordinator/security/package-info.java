/** Who may call the API: API keys or MicroProfile JWTs, the roles and what each may do, and the rate limit per client. */
package io.aegisrag.coordinator.security;
