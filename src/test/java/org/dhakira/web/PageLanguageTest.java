package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which language a page is in: the {@code lang} parameter, else the browser's preferences by weight, else Arabic. */
class PageLanguageTest {

    @ParameterizedTest(name = "lang={0}, Accept-Language: {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | null                             | ar",
            "null | ''                               | ar",
            "null | en-US,en;q=0.9                   | en",
            "null | ar-SY,ar;q=0.9,en;q=0.8          | ar",
            "null | fr-FR,fr;q=0.9,en;q=0.8          | en",   // the first language we have, by weight
            "null | en-GB;q=0.3,ar                   | ar",
            "null | de,*;q=0.5                       | ar",
            "null | en;q=0,ar;q=0.1                  | ar",
            "null | ;;garbage;;                      | ar",
            "en   | ar                               | en",   // the page's link wins over the browser
            "ar   | en                               | ar",
            "fr   | en                               | en",   // an unknown lang is no choice
    })
    void choosesThePagesLanguage(String lang, String acceptLanguage, String expected) {
        assertEquals(expected, SearchResource.uiLanguage(lang, acceptLanguage));
    }
}
