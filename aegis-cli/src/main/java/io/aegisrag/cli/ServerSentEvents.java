package io.aegisrag.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/** Reads Server-Sent Events, field by field as the format has it, handing each to a consumer until it says stop. */
final class ServerSentEvents {

    /** One event: its name ({@code message} when it has none) and its data. */
    record Event(String name, String data) {
    }

    private ServerSentEvents() {
    }

    /** Reads events from {@code lines} until {@code handler} returns false or the stream ends; comments are skipped. */
    static void read(BufferedReader lines, Predicate<Event> handler) throws IOException {
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty() && !handler.test(new Event(name, data.toString()))) {
                    return;
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
            }
        }
    }
}
