package org.dhakira.index;

import java.text.Normalizer;

/**
 * The normalisation Arabic text needs before it is indexed or searched, applied the same way to both:
 * NFKC; bidi control characters, tatweel and diacritics removed; alef forms folded to ا, ى to ي, ة to ه;
 * Arabic-Indic and Eastern Arabic-Indic digits to 0-9. Latin text passes through unchanged but for NFKC.
 *
 * <pre>{@code ArabicNormalizer.normalize("الحُكـومة") // "الحكومه"}</pre>
 */
public final class ArabicNormalizer {
    private ArabicNormalizer() {}

    public static String normalize(CharSequence text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            char folded = fold(c);
            if (folded != 0) out.append(folded);
        }
        return out.toString();
    }

    /** The character {@code c} becomes, or 0 when it is dropped. */
    static char fold(char c) {
        switch (c) {
            case '\u0640': // tatweel
            case '\u200E': case '\u200F': case '\u061C': // LRM, RLM, ALM
            case '\u202A': case '\u202B': case '\u202C': case '\u202D': case '\u202E': // embeddings, overrides
            case '\u2066': case '\u2067': case '\u2068': case '\u2069': // isolates
            case '\u200B': case '\u200C': case '\u200D': case '\uFEFF': // zero-width space, ZWNJ, ZWJ, BOM
            case '\u0670': // superscript alef
                return 0;
            case '\u0623': case '\u0625': case '\u0622': case '\u0671': // أ إ آ ٱ
                return '\u0627';
            case '\u0649': // ى
                return '\u064A';
            case '\u0629': // ة
                return '\u0647';
            default:
                if (c >= '\u064B' && c <= '\u0652') return 0; // tashkeel
                if (c >= '\u0660' && c <= '\u0669') return (char) ('0' + (c - '\u0660'));
                if (c >= '\u06F0' && c <= '\u06F9') return (char) ('0' + (c - '\u06F0'));
                return c;
        }
    }
}
