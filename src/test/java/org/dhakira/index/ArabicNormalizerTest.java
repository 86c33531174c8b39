package org.dhakira.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicNormalizerTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "الحكـــومة | الحكومه | tatweel removed, ta marbuta folded",
            "الحُكُومَةُ | الحكومه | tashkeel removed",
            "أحمد | احمد | alef with hamza above",
            "إبراهيم | ابراهيم | alef with hamza below",
            "آمنة | امنه | alef madda",
            "ٱلله | الله | alef wasla",
            "مصطفى | مصطفي | alef maqsura to ya",
            "هذا‏ نص | هذا نص | right-to-left mark removed",
            "‪سوريا‬ | سوريا | embedding controls removed",
            "٢٠١٧ | 2017 | Arabic-Indic digits",
            "۲۰۱۷ | 2017 | Eastern Arabic-Indic digits",
            "ﻻ | لا | presentation form by NFKC",
            "هٰذا | هذا | superscript alef removed",
            "Saydnaya | Saydnaya | Latin untouched",
            "الجيش التركي in Iraq & سوريا | الجيش التركي in Iraq & سوريا | mixed text keeps its words"})
    void normalises(String input, String expected, String what) {
        assertEquals(expected.strip(), ArabicNormalizer.normalize(input.strip()), what);
    }
}
