/** Authentication by API key, the roles and what each may do. */
package io.aegisrag.coordinator.security;
