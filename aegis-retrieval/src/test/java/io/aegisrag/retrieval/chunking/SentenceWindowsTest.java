package io.aegisrag.retrieval.chunking;

import io.aegisrag.core.testing.TimeBound;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceWindowsTest {

    @Test
    void should_group_whole_sentences_into_windows_of_at_most_the_size() {
        String text = "First sentence here. Second one,\nover two lines! Third: a list follows\n- and an item. Last?";

        assertThat(SentenceWindows.of(text, 40)).containsExactly(
                "First sentence here.", "Second one, over two lines! Third:", "a list follows - and an item. Last?");
    }

    @Test
    void should_give_no_window_to_a_text_that_fits_in_one_or_when_windows_are_off() {
        assertThat(SentenceWindows.of("Short. Text.", 400)).isEmpty();
        assertThat(SentenceWindows.of("A sentence long enough. Another one.", 0)).isEmpty();
        assertThat(SentenceWindows.of("one sentence without any end that is longer than the window", 20)).isEmpty();
    }

    @Test
    void should_keep_a_sentence_longer_than_the_window_whole_and_split_two_mebibytes_in_linear_time() {
        String longSentence = "word ".repeat(30).strip() + ".";

        assertThat(SentenceWindows.of("Short. " + longSentence, 40)).containsExactly("Short.", longSentence);
        assertThat(TimeBound.within(Duration.ofSeconds(2), () -> SentenceWindows.of("a. ".repeat(700_000), 400))).isNotEmpty();
    }
}
