/** Episodes into temporal memory: who reads an episode into entities and facts (the rules, or the chat chain with a JSON schema), recording them, and the retention that removes old conversation facts. */
package io.aegisrag.coordinator.memory;
