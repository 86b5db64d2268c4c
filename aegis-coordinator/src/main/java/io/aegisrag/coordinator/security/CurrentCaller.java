package io.aegisrag.coordinator.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the request being served, as the authentication filters found it. Work handed to
 * another thread takes what it needs of the caller with it: this bean lives on the request's thread.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    /** @throws IllegalStateException when no filter authenticated the request */
    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("the request was not authenticated");
        }
        return caller;
    }

    /** For the authentication filters: the caller they found. */
    public void set(Caller authenticated) {
        this.caller = authenticated;
    }
}
