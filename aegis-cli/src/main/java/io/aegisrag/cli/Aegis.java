package io.aegisrag.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aegis}: the command-line client of an AegisRAG service. */
@Command(name = "aegis", mixinStandardHelpOptions = true, version = "aegis 0.1.0",
        description = "Talks to an AegisRAG service: ingest a folder of documents, ask a question.",
        subcommands = {IngestCommand.class, AskCommand.class})
public final class Aegis {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Aegis()).execute(args));
    }
}
