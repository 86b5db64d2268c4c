package io.aegisrag.retrieval.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis that also knows code identifiers: {@code timingSafeEqual}, {@code package-lock.json}
 * or {@code fetch_retries} are indexed whole and by their parts ({@code timing}, {@code safe},
 * {@code equal}), so a question may name either. Then lower case, English stop words, Porter stems.
 */
public final class IdentifierAwareAnalyzer extends Analyzer {

    private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream tokens = new WordDelimiterGraphFilter(source, SPLIT, null);
        tokens = new FlattenGraphFilter(tokens);
        tokens = new LowerCaseFilter(tokens);
        tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        tokens = new PorterStemFilter(tokens);
        return new TokenStreamComponents(source, tokens);
    }
}
