package io.aegisrag.core.port;

import io.aegisrag.core.llm.TokenSink;

import java.util.ArrayList;
import java.util.List;

/** A reader of a streamed answer that keeps the pieces, and goes away after {@code leaveAfter} of them when asked to. */
public final class RecordingSink implements TokenSink {

    private final List<String> pieces = new ArrayList<>();
    private final int leaveAfter;

    private RecordingSink(int leaveAfter) {
        this.leaveAfter = leaveAfter;
    }

    /** Reads the whole answer. */
    public static RecordingSink reading() {
        return new RecordingSink(Integer.MAX_VALUE);
    }

    /** Goes away once it has {@code pieces} pieces. */
    public static RecordingSink leavingAfter(int pieces) {
        return new RecordingSink(pieces);
    }

    @Override
    public void token(String text) {
        pieces.add(text);
    }

    @Override
    public boolean cancelled() {
        return pieces.size() >= leaveAfter;
    }

    public List<String> pieces() {
        return pieces;
    }

    /** The pieces joined: the answer as the reader saw it. */
    public String text() {
        return String.join("", pieces);
    }
}
