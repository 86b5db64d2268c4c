/** The command-line client: {@code aegis ingest FOLDER} uploads a folder as bulk ingestion jobs and follows their events, {@code aegis ask QUESTION} streams an answer; picocli over the REST API. */
package io.aegisrag.cli;
