package io.aegisrag.retrieval.graph;

import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.chunker.ChunkerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Apache OpenNLP's stock English models (1.5: sentences, tokens, Penn Treebank part-of-speech tags,
 * phrase chunks), loaded once from the classpath; each thread gets its own taggers, which are not
 * thread-safe, over the shared models. Words of more than {@value #MAX_WORD_CHARS} characters are
 * left out and a sentence is cut after {@value #MAX_SENTENCE_CHARS} characters and {@value #MAX_TOKENS}
 * tokens: tagging stays linear.
 */
final class NlpPipeline {

    static final int MAX_TOKENS = 150;
    static final int MAX_WORD_CHARS = 64;
    /** Enough characters for {@value #MAX_TOKENS} tokens of ordinary text: a longer sentence is tokenized no further. */
    static final int MAX_SENTENCE_CHARS = 2_000;

    /** A tagged sentence: its text, its tokens, their Penn tags and their phrase chunk tags (B-NP, I-VP, O…). */
    record Tagged(String text, String[] tokens, String[] tags, String[] chunks) {

        /** A phrase: its chunk type (NP, VP, PP, …, or O for a token outside every phrase) and token range. */
        record Phrase(String type, int start, int end) {
        }

        List<Phrase> phrases() {
            List<Phrase> phrases = new ArrayList<>();
            int i = 0;
            while (i < tokens.length) {
                String type = chunks[i].length() > 2 ? chunks[i].substring(2) : "O";
                int end = i + 1;
                while (!type.equals("O") && end < tokens.length && chunks[end].equals("I-" + type)) {
                    end++;
                }
                phrases.add(new Phrase(type, i, end));
                i = end;
            }
            return phrases;
        }
    }

    private record Models(SentenceModel sentences, TokenizerModel tokens, POSModel tags, ChunkerModel chunks) {
    }

    private record Taggers(SentenceDetectorME sentences, TokenizerME tokens, POSTaggerME tags, ChunkerME chunks) {
    }

    private static final class Loaded {
        static final Models MODELS = load();

        private static Models load() {
            try (InputStream sentences = open("en-sent.bin"); InputStream tokens = open("en-token.bin");
                 InputStream tags = open("en-pos-maxent.bin"); InputStream chunks = open("en-chunker.bin")) {
                return new Models(new SentenceModel(sentences), new TokenizerModel(tokens), new POSModel(tags), new ChunkerModel(chunks));
            } catch (IOException e) {
                throw new UncheckedIOException("the OpenNLP models could not be read", e);
            }
        }

        private static InputStream open(String model) {
            InputStream stream = NlpPipeline.class.getClassLoader().getResourceAsStream(model);
            if (stream == null) {
                throw new IllegalStateException("the OpenNLP model " + model + " is not on the classpath (edu.washington.cs.knowitall:opennlp-*-models)");
            }
            return stream;
        }
    }

    private final ThreadLocal<Taggers> taggers = ThreadLocal.withInitial(() -> new Taggers(
            new SentenceDetectorME(Loaded.MODELS.sentences()), new TokenizerME(Loaded.MODELS.tokens()),
            new POSTaggerME(Loaded.MODELS.tags(), POSTagFormat.PENN), new ChunkerME(Loaded.MODELS.chunks())));

    /** The 1.5 tokenizer leaves a sentence's final period on its last word ("Simonov."): split it off. */
    private static String[] splitFinalPeriod(String[] tokens) {
        String last = tokens[tokens.length - 1];
        if (last.length() < 2 || !last.endsWith(".") || last.indexOf('.') < last.length() - 1) {
            return tokens;
        }
        String[] split = Arrays.copyOf(tokens, tokens.length + 1);
        split[tokens.length - 1] = last.substring(0, last.length() - 1);
        split[tokens.length] = ".";
        return split;
    }

    /**
     * The sentences of {@code text}, tagged: each paragraph (blank lines between) and each Markdown
     * heading on its own, so that a heading never runs into the sentence after it.
     */
    List<Tagged> tag(String text) {
        Taggers mine = taggers.get();
        List<Tagged> tagged = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            boolean heading = stripped.startsWith("#");
            if (stripped.isEmpty() || heading) {
                tagSentences(mine, paragraph.toString(), tagged);
                paragraph.setLength(0);
            }
            if (heading) {
                tagSentences(mine, stripped.replaceFirst("^#++", ""), tagged);
            } else {
                appendWords(stripped, paragraph);
            }
        }
        tagSentences(mine, paragraph.toString(), tagged);
        return tagged;
    }

    /**
     * Appends the line's words, less those longer than {@value #MAX_WORD_CHARS} characters: no name,
     * and the tokenizer and sentence detector look at a whole word around each character they weigh,
     * which would make a megabyte without a space quadratic.
     */
    private static void appendWords(String line, StringBuilder paragraph) {
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean space = i == line.length() || Character.isWhitespace(line.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                if (i - start <= MAX_WORD_CHARS) {
                    paragraph.append(line, start, i).append(' ');
                }
                start = -1;
            }
        }
    }

    private static void tagSentences(Taggers mine, String paragraph, List<Tagged> tagged) {
        if (paragraph.isBlank()) {
            return;
        }
        for (String detected : mine.sentences().sentDetect(paragraph.strip())) {
            String sentence = detected.length() > MAX_SENTENCE_CHARS ? detected.substring(0, MAX_SENTENCE_CHARS) : detected;
            String[] tokens = mine.tokens().tokenize(sentence);
            if (tokens.length > MAX_TOKENS) {
                tokens = Arrays.copyOf(tokens, MAX_TOKENS);
            }
            if (tokens.length == 0) {
                continue;
            }
            tokens = splitFinalPeriod(tokens);
            String[] tags = mine.tags().tag(tokens);
            tagged.add(new Tagged(sentence, tokens, tags, mine.chunks().chunk(tokens, tags)));
        }
    }
}
