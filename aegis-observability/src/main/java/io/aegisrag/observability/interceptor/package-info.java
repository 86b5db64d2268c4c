/**
 * Interceptor bindings that other modules put on their beans, and their interceptors. They are
 * enabled by {@code @Priority}, so they apply in every bean archive of the application.
 */
package io.aegisrag.observability.interceptor;
