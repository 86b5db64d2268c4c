package io.aegisrag.coordinator.security;

import io.aegisrag.core.memory.MemoryScope;

/**
 * Who is calling: the role of its key or token, and the memory it works with (its group: its key's or
 * its token subject's, and the groups it reads).
 */
public record Caller(Role role, MemoryScope memory) {

    /** The memory the caller may change (forget episodes of): its own group, or every group for an administrator. */
    public MemoryScope changeable() {
        return role.includes(Role.ADMIN) ? memory : memory.own();
    }
}
