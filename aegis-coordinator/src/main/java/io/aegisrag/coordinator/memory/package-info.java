/** Episodes into temporal memory: the producer of the episode reader (the rules, or the chat chain with a JSON schema), recording what it read, and the retention that removes old conversation facts. */
package io.aegisrag.coordinator.memory;
