package io.aegisrag.coordinator.query;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Answers questions from the indexed documents. */
public interface QueryService {

    QueryResult query(@NotNull @Valid QueryRequest body);
}
