package io.aegisrag.coordinator.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineStreamTest {

    @Test
    void should_write_the_opening_then_one_flushed_line_per_piece() {
        CountingFlushes out = new CountingFlushes();
        LineStream stream = new LineStream(out, "start\n", piece -> "piece:" + piece + "\n");

        stream.started("q", "vector", "extractive");
        stream.token("Lucene ");
        stream.token("is Java.");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("start\npiece:Lucene \npiece:is Java.\n");
        assertThat(out.flushes).isEqualTo(3);
        assertThat(stream.cancelled()).isFalse();
    }

    @Test
    void should_cancel_the_answer_once_a_write_fails_and_write_nothing_more() {
        CountingFlushes out = new CountingFlushes();
        out.broken = true;
        LineStream stream = new LineStream(out, null, piece -> piece);

        stream.token("first");
        out.broken = false;
        stream.token("second");

        assertThat(stream.cancelled()).as("the client went away: the model stops").isTrue();
        assertThat(out.size()).isZero();
    }

    private static final class CountingFlushes extends ByteArrayOutputStream {
        int flushes;
        boolean broken;

        @Override
        public void write(byte[] bytes) throws IOException {
            if (broken) {
                throw new IOException("connection reset");
            }
            super.write(bytes);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }
}
