package org.dhakira.harvest.crosswalk;

/**
 * The language of a text that came without {@code xml:lang}, told by its script: Arabic as soon as it has an
 * Arabic letter, else English. Arabic titles carry Latin names and acronyms often («تقرير Human Rights Watch»,
 * «الجيش التركي in Iraq & سوريا»), English ones rarely carry Arabic script, so one Arabic letter is the better sign
 * than a majority. The archive holds Arabic and English; a peer whose texts are in a third language must tag them.
 */
final class TextLanguage {
    private TextLanguage() {}

    static String guess(String text) {
        boolean arabic = text.codePoints().anyMatch(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
        return arabic ? "ar" : "en";
    }
}
