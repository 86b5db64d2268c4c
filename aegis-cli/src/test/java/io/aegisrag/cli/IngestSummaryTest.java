package io.aegisrag.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class IngestSummaryTest {

    @Test
    void should_add_up_the_jobs_by_status_and_list_the_failed_files() {
        IngestSummary summary = new IngestSummary();
        summary.add(AegisApi.json("""
                {"llm":{"cost_usd":0.25},"files":[{"name":"a.md","status":"ingested","chunks":3},{"name":"b.pdf","status":"failed",
                "error":"b.pdf: the file is encrypted"}]}"""));
        summary.add(AegisApi.json("""
                {"llm":{"cost_usd":0.5},"files":[{"name":"c.md","status":"skipped","chunks":0,"document_id":"x"},{"name":"d.md","status":"ingested","chunks":2}]}"""));
        StringWriter text = new StringWriter();

        summary.print(new PrintWriter(text));

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(text.toString()).contains("ingested          2        5").contains("skipped           1        0")
                .contains("failed            1        0").contains("4 files in").contains("LLM cost 0.7500 USD")
                .contains("failed files:\n  b.pdf  b.pdf: the file is encrypted");
    }
}
