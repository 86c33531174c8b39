package org.dhakira.harvest.crosswalk;

import java.util.Locale;
import java.util.regex.Pattern;

import org.dhakira.index.ArabicNormalizer;

/**
 * The form in which names and type strings are compared: Arabic normalised as the index does it (hamza forms,
 * ta marbuta, alef maqsura, tatweel, diacritics, bidi marks), lower case, punctuation as space, spaces collapsed.
 * So «الإئتلاف الوطني» meets «الائتلاف الوطنى», and "Press release." meets "press release".
 */
final class Folded {
    private Folded() {}

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    static String of(String text) {
        String normal = ArabicNormalizer.normalize(text).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(normal).replaceAll(" ").strip();
    }
}
