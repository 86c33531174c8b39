package org.dhakira.bench;

import java.util.List;
import java.util.Random;

/**
 * Word pools for synthetic records: real Arabic words with hamza forms (أ إ آ ؤ ئ ء), ta marbuta, and
 * the names and places an archive of the Syrian revolution and war is full of, with their English forms.
 */
final class Words {
    private Words() {}

    static final List<String> ARABIC = List.of(
            "أكد", "إعلان", "آلاف", "مسؤول", "رئيس", "سؤال", "هيئة", "شؤون", "الأمم", "المتحدة", "إنسانية", "المرأة",
            "أطفال", "جرائم", "الإنسان", "الحكومة", "المعارضة", "مدينة", "منظمة", "الثورة", "الدولة", "السورية",
            "بيان", "تقرير", "القصف", "المدنيين", "المعتقلين", "سجن", "الأسد", "النظام", "الجيش", "الحر", "قوات",
            "الأمن", "اللاجئين", "النازحين", "مخيم", "الحدود", "التركية", "العراق", "لبنان", "الأردن", "مجلس",
            "المجلس", "الوطني", "الائتلاف", "لجنة", "التحقيق", "الدولية", "حقوق", "انتهاكات", "مجزرة", "ضحايا",
            "شهداء", "جرحى", "المستشفى", "الميداني", "الإغاثة", "المساعدات", "الغذائية", "الحصار", "ريف", "دمشق",
            "حلب", "حمص", "حماة", "إدلب", "درعا", "دير", "الزور", "الرقة", "القامشلي", "اللاذقية", "طرطوس",
            "الغوطة", "الشرقية", "داريا", "دوما", "الكيماوي", "السلاح", "الهدنة", "وقف", "إطلاق", "النار",
            "المفاوضات", "جنيف", "أستانا", "الانتقال", "السياسي", "دستور", "انتخابات", "مؤتمر", "صحفي", "الإعلام",
            "شهادة", "وثيقة", "مرسوم", "قانون", "رسالة", "منشور", "خريطة", "تسجيل", "صوتي", "مصور", "يوم",
            "الجمعة", "مظاهرة", "سلمية", "اعتقال", "تعذيب", "إعدام", "ميداني", "المختفين", "قسرياً", "عائلات",
            "مطالبة", "بالإفراج", "الفوري", "عن", "في", "من", "إلى", "على", "أن", "التي", "الذي", "هذا", "هذه",
            "بعد", "قبل", "خلال", "منذ", "حتى", "كما", "وقد", "أيضاً", "جميع", "كافة", "بين", "ضد", "حول");

    static final List<String> ENGLISH = List.of(
            "confirmed", "announcement", "thousands", "official", "president", "question", "commission", "affairs",
            "nations", "united", "humanitarian", "women", "children", "crimes", "human", "government", "opposition",
            "city", "organisation", "revolution", "state", "Syrian", "statement", "report", "shelling", "civilians",
            "detainees", "prison", "regime", "army", "free", "forces", "security", "refugees", "displaced", "camp",
            "border", "Turkish", "Iraq", "Lebanon", "Jordan", "council", "national", "coalition", "committee",
            "inquiry", "international", "rights", "violations", "massacre", "victims", "martyrs", "wounded",
            "hospital", "field", "relief", "aid", "food", "siege", "countryside", "Damascus", "Aleppo", "Homs",
            "Hama", "Idlib", "Daraa", "Deir", "ez-Zor", "Raqqa", "Qamishli", "Latakia", "Tartus", "Ghouta", "eastern",
            "Daraya", "Douma", "chemical", "weapons", "truce", "ceasefire", "negotiations", "Geneva", "Astana",
            "transition", "political", "constitution", "elections", "conference", "press", "media", "testimony",
            "document", "decree", "law", "letter", "leaflet", "map", "recording", "video", "day", "Friday",
            "demonstration", "peaceful", "arrest", "torture", "execution", "summary", "disappeared", "forcibly",
            "families", "demand", "release", "immediate", "of", "the", "in", "from", "to", "on", "that", "which",
            "this", "after", "before", "during", "since", "until", "as", "also", "all", "between", "against", "about");

    static final String[] FIRST_AR = {"وليد", "وائل", "محمد", "أحمد", "إبراهيم", "عمر", "علي", "حسن", "يوسف", "رزان",
            "سميرة", "فاطمة", "مازن", "رياض", "أسامة", "هيثم", "نور", "ياسين", "خالد", "مؤيد", "رائد", "سهير", "عبد الله", "آمنة"};
    static final String[] FIRST_EN = {"Walid", "Wael", "Muhammad", "Ahmad", "Ibrahim", "Omar", "Ali", "Hassan", "Yousef", "Razan",
            "Samira", "Fatima", "Mazen", "Riad", "Osama", "Haitham", "Nour", "Yassin", "Khaled", "Muayad", "Raed", "Suhair", "Abdullah", "Amina"};
    static final String[] FIRST_ALT = {"Waleed", "Wa'il", "Mohammed", "Ahmed", "Ebrahim", "Umar", "Aly", "Hasan", "Youssef", "Razzan",
            "Sameera", "Fatma", "Mazin", "Riyad", "Usama", "Haytham", "Noor", "Yasin", "Khalid", "Moayad", "Ra'ed", "Souhair", "Abdallah", "Aamina"};
    static final String[] FAMILY_AR = {"الحلبي", "الشامي", "الحمصي", "الإدلبي", "الدرعاوي", "العلي", "الخطيب", "المصري",
            "السيد", "زيتونة", "الأتاسي", "قباني", "الأحمد", "العبد الله", "الحسين", "مؤذن"};
    static final String[] FAMILY_EN = {"al-Halabi", "al-Shami", "al-Homsi", "al-Idlibi", "al-Daraawi", "al-Ali", "al-Khatib", "al-Masri",
            "al-Sayed", "Zaitouneh", "al-Atassi", "Qabbani", "al-Ahmad", "al-Abdullah", "al-Hussein", "Muezzin"};

    static final String[][] ORG_FORMS = {
            {"المجلس المحلي في", "Local Council of"}, {"تنسيقية", "Coordination Committee of"}, {"لواء", "Brigade of"},
            {"هيئة الإغاثة في", "Relief Commission of"}, {"رابطة صحفيي", "Journalists' League of"}, {"مركز توثيق", "Documentation Centre of"},
            {"الدفاع المدني في", "Civil Defence of"}, {"اتحاد طلبة", "Student Union of"}, {"المكتب الإعلامي في", "Media Office of"},
            {"منظمة حقوق الإنسان في", "Human Rights Organisation of"}};

    /** Places: key, Arabic name, English name. */
    static final String[][] PLACES = {
            {"syria", "سوريا", "Syria"}, {"damascus", "دمشق", "Damascus"}, {"aleppo", "حلب", "Aleppo"}, {"homs", "حمص", "Homs"},
            {"hama", "حماة", "Hama"}, {"idlib", "إدلب", "Idlib"}, {"daraa", "درعا", "Daraa"}, {"deir-ez-zor", "دير الزور", "Deir ez-Zor"},
            {"raqqa", "الرقة", "Raqqa"}, {"qamishli", "القامشلي", "Qamishli"}, {"latakia", "اللاذقية", "Latakia"},
            {"tartus", "طرطوس", "Tartus"}, {"douma", "دوما", "Douma"}, {"daraya", "داريا", "Daraya"}, {"saydnaya", "صيدنايا", "Saydnaya"},
            {"turkey", "تركيا", "Turkey"}, {"lebanon", "لبنان", "Lebanon"}, {"jordan", "الأردن", "Jordan"}, {"iraq", "العراق", "Iraq"},
            {"geneva", "جنيف", "Geneva"}, {"astana", "أستانا", "Astana"}, {"gaziantep", "غازي عنتاب", "Gaziantep"},
            {"zaatari", "مخيم الزعتري", "Zaatari camp"}, {"kobani", "عين العرب", "Kobani"}, {"afrin", "عفرين", "Afrin"}};

    private static final char[] DIACRITICS = {'\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B'};

    /** An Arabic word, now and then with a diacritic or a tatweel as real typed text has them. */
    static String arabic(Random r) {
        String w = ARABIC.get(r.nextInt(ARABIC.size()));
        int roll = r.nextInt(100);
        if (roll < 4 && w.length() > 3) {
            int at = 1 + r.nextInt(w.length() - 2);
            return w.substring(0, at) + DIACRITICS[r.nextInt(DIACRITICS.length)] + w.substring(at);
        }
        if (roll < 6 && w.length() > 3) {
            int at = 1 + r.nextInt(w.length() - 2);
            return w.substring(0, at) + 'ـ' + w.substring(at);
        }
        return w;
    }

    static String english(Random r) {
        return ENGLISH.get(r.nextInt(ENGLISH.size()));
    }

    static String arabicText(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) sb.append(i % 17 == 0 ? "، " : " ");
            sb.append(arabic(r));
        }
        return sb.append('.').toString();
    }

    static String englishText(Random r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = english(r);
            if (i == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            if (i > 0) sb.append(i % 15 == 0 ? ", " : " ");
            sb.append(w);
        }
        return sb.append('.').toString();
    }
}
