package io.aegisrag.cli;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSentEventsTest {

    @Test
    void should_read_named_events_with_multi_line_data_skipping_comments_until_told_to_stop() throws IOException {
        String stream = ": heartbeat\n\nevent: progress\ndata: {\"a\":1}\n\ndata: line one\ndata: line two\n\nevent: completed\ndata: {}\n\nevent: after\ndata: x\n\n";
        List<ServerSentEvents.Event> events = new ArrayList<>();

        ServerSentEvents.read(new BufferedReader(new StringReader(stream)), event -> {
            events.add(event);
            return !event.name().equals("completed");
        });

        assertThat(events).containsExactly(new ServerSentEvents.Event("progress", "{\"a\":1}"),
                new ServerSentEvents.Event("message", "line one\nline two"), new ServerSentEvents.Event("completed", "{}"));
    }
}
