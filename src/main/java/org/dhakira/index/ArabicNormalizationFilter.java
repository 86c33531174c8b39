package org.dhakira.index;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Applies {@link ArabicNormalizer} to every token; a token that normalises to nothing is dropped. */
final class ArabicNormalizationFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ArabicNormalizationFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            String normalized = ArabicNormalizer.normalize(term);
            if (normalized.isEmpty()) continue;
            term.setEmpty().append(normalized);
            return true;
        }
        return false;
    }
}
