package io.aegisrag.core.memory;

import java.time.Duration;

/**
 * How long conversation memory is kept: an episodic fact older than {@code maxAge} goes, and so do a
 * subject's (a session's) episodic facts beyond its newest {@code maxPerSubject}; an episode goes
 * whole with its episodic fact. Documents' episodes are never removed by retention: they mirror the
 * index, and go when their document is deleted.
 */
public record RetentionPolicy(Duration maxAge, int maxPerSubject) {

    public RetentionPolicy {
        if (maxAge.isNegative() || maxAge.isZero() || maxPerSubject < 1) {
            throw new IllegalArgumentException("retention needs a positive age and at least one fact a subject, got "
                    + maxAge + " and " + maxPerSubject);
        }
    }
}
