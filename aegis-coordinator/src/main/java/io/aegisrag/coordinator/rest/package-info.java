/** REST resources, JSON configuration, problem+json mapping and the body size limit. */
package io.aegisrag.coordinator.rest;
