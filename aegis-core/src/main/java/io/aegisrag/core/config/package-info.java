/** Configuration keys shared by the modules. */
package io.aegisrag.core.config;
