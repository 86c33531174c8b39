package org.dhakira.index;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis each index field gets. Arabic prose: normalise first (so stop words and the stemmer see
 * normalised text, unlike Lucene's ArabicAnalyzer, which filters stop words before normalising), then stop
 * words, then the light stemmer. Names: normalised and folded but never stemmed, because the stemmer mangles
 * them (وليد → ليد). English: possessives, stop words, Porter. Codes: exact, case-folded.
 */
final class Analyzers {
    private Analyzers() {}

    static final CharArraySet ARABIC_STOP_WORDS = normalizedArabicStopWords();

    private static CharArraySet normalizedArabicStopWords() {
        CharArraySet set = new CharArraySet(200, false);
        for (Object word : ArabicAnalyzer.getDefaultStopSet()) {
            set.add(ArabicNormalizer.normalize(new String((char[]) word)));
        }
        return CharArraySet.unmodifiableSet(set);
    }

    /** Prose in Arabic: normalised, stop words removed, lightly stemmed. */
    static final class ArabicProse extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ArabicNormalizationFilter(source);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, ARABIC_STOP_WORDS);
            s = new ArabicStemFilter(s);
            return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new LowerCaseFilter(new ArabicNormalizationFilter(in));
        }
    }

    /** Names of people, bodies and places, in any script: normalised, lower-cased, accents folded, not stemmed. */
    static final class Names extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ArabicNormalizationFilter(source);
            s = new LowerCaseFilter(s);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(new ArabicNormalizationFilter(in)));
        }
    }

    /** English prose, with the Arabic normalisation too, since English text quotes Arabic names. */
    static final class EnglishProse extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ArabicNormalizationFilter(source);
            s = new EnglishPossessiveFilter(s);
            s = new LowerCaseFilter(s);
            s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            s = new PorterStemFilter(s);
            return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new LowerCaseFilter(new ArabicNormalizationFilter(in));
        }
    }

    /** One analyzer for the whole index, choosing by field. */
    static Analyzer perField() {
        Analyzer arabic = new ArabicProse();
        Analyzer english = new EnglishProse();
        Analyzer names = new Names();
        return new PerFieldAnalyzerWrapper(names, Map.of(
                Fields.TITLE_AR, arabic, Fields.TEXT_AR, arabic,
                Fields.TITLE_EN, english, Fields.TEXT_EN, english,
                Fields.CODE, new KeywordAnalyzer()));
    }
}
