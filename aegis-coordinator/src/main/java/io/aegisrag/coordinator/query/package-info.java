/** Query orchestration: intent classification, hybrid retrieval, generation. */
package io.aegisrag.coordinator.query;
