package io.aegisrag.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFilesTest {

    @TempDir
    Path folder;

    @Test
    void should_find_the_documents_the_service_reads_in_path_order_leaving_hidden_ones_out() throws IOException {
        for (String name : new String[]{"b/guide.PDF", "a.md", "b/deck.pptx", "notes.txt", "image.png", ".git/config.md", "b/.draft.md", "c/page.html"}) {
            Files.createDirectories(folder.resolve(name).getParent());
            Files.writeString(folder.resolve(name), "x");
        }

        assertThat(DocumentFiles.under(folder)).extracting(file -> folder.relativize(file).toString())
                .containsExactly("a.md", "b/deck.pptx", "b/guide.PDF", "c/page.html", "notes.txt");
    }
}
