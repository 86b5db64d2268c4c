package io.aegisrag.bench;

import java.util.Random;

/** Seeded Markdown documents of a retrieval-flavoured vocabulary, for benchmarks that need text. */
final class SyntheticCorpus {

    private static final String[] WORDS = ("retrieval vector index query answer chunk model embedding graph entity relation "
            + "memory cache latency metric server liberty lucene qdrant neo4j redis ollama prometheus alert budget token "
            + "document section paragraph sentence search ranking fusion score intent session fact time store disk heap "
            + "the a of to in is for with on by as that this from are be it an which or").split(" ");

    private SyntheticCorpus() {
    }

    /** A document of {@code sections} sections, each of four paragraphs of four sentences. */
    static String markdown(Random random, int sections) {
        StringBuilder text = new StringBuilder("# Document\n\n");
        for (int s = 0; s < sections; s++) {
            text.append("## Section ").append(s).append("\n\n");
            for (int p = 0; p < 4; p++) {
                for (int sentence = 0; sentence < 4; sentence++) {
                    text.append(sentence(random)).append(' ');
                }
                text.append("\n\n");
            }
        }
        return text.toString();
    }

    /** A sentence of 10 to 21 words, capitalised, ending with a full stop. */
    static String sentence(Random random) {
        int words = 10 + random.nextInt(12);
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            sentence.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return sentence.append('.').toString();
    }
}
