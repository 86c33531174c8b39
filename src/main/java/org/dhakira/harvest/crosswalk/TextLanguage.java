package org.dhakira.harvest.crosswalk;

/**
 * The language of a text that came without {@code xml:lang}, told by its script: Arabic when it has at least as
 * many Arabic letters as Latin ones (so «الجيش التركي in Iraq & سوريا» is Arabic, and "Statement on حلب" is
 * English), else English. The archive holds Arabic and English; a peer whose texts are in a third language must
 * tag them.
 */
final class TextLanguage {
    private TextLanguage() {}

    static String guess(String text) {
        int arabic = 0, latin = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) continue;
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.ARABIC) arabic++;
            else if (script == Character.UnicodeScript.LATIN) latin++;
        }
        return arabic > 0 && arabic >= latin ? "ar" : "en";
    }
}
