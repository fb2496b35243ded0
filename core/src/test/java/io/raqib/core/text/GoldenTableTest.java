package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden table of issue 3: input text → indexed terms (positions separated by spaces, forms stacked on one
 * position by {@code |}). Changing the analysis changes this table on purpose, row by row.
 */
class GoldenTableTest {

    static Stream<Arguments> golden() {
        return Stream.of(
                // the seed article's disguised words
                row("seed: terrorism", "الإرهـ.ـاب", "الارهاب|ارهاب"),
                row("seed: to combat", "لمكـ.ـافحة", "لمكافح|مكافح"),
                row("seed: extremism", "التطـ.ـرف", "التطرف|تطرف"),
                row("seed: and claimed", "وزعـ.ـمت", "وزعمت|زعمت"),
                row("seed: criticism", "انتقـ.ـاد", "انتقاد"),
                row("seed: feeble", "هـ.ـزيلة", "هزيل"),
                row("underscore break", "السـ_ـورية", "السور|سور"),
                row("space between tatweels", "الإرهـ ـاب", "الارهاب|ارهاب"),
                row("bullet break", "الإرهـ•ـاب", "الارهاب|ارهاب"),
                row("middle dot break", "الإرهـ·ـاب", "الارهاب|ارهاب"),
                row("asterisk break", "الإرهـ*ـاب", "الارهاب|ارهاب"),
                row("hyphen break", "الإرهـ-ـاب", "الارهاب|ارهاب"),
                row("en dash break (folded to hyphen)", "الإرهـ–ـاب", "الارهاب|ارهاب"),
                row("long tatweel runs", "الإرهـــ.ــــاب", "الارهاب|ارهاب"),
                row("two breaks in one word", "الإـ_ـرهـ.ـاب", "الارهاب|ارهاب"),
                // stretching, diacritics, invisible characters
                row("kashida stretching", "الرئاســــة", "الرئاس|رئاس"),
                row("stretching everywhere", "مـــصـــر", "مصر"),
                row("harakat", "مُكَافَحَة", "مكافح"),
                row("harakat and hamza below", "الإِرْهَاب", "الارهاب|ارهاب"),
                row("shadda", "سُورِيَّا", "سوريا"),
                row("superscript alef", "هٰذا", "هذا"),
                row("ZWNJ inside a word", "الإر\u200Cهاب", "الارهاب|ارهاب"),
                row("ZWJ inside a word", "الإر\u200Dهاب", "الارهاب|ارهاب"),
                row("zero-width space inside a word", "الإر\u200Bهاب", "الارهاب|ارهاب"),
                row("byte order mark and bidi marks", "\uFEFF\u200Fالإرهاب\u200E", "الارهاب|ارهاب"),
                // orthography and digits
                row("Arabic-Indic digits", "٢٢٥٤", "2254"),
                row("Persian digits", "۲۰۲۱", "2021"),
                row("Arabic decimal separator", "٣٫٥", "3.5"),
                row("alef forms", "أحمد آمال ٱلكتاب", "احمد امال الكتاب|كتاب"),
                row("alef maksura", "مستشفى", "مستشف"),
                row("presentation form ligature (NFKC)", "ﻻ", "لا"),
                // clitics
                row("bi- + election", "بانتخابات", "بانتخاب|انتخاب"),
                row("li- + combat", "لمكافحة", "لمكافح|مكافح"),
                row("bi- + al-", "بالانتخابات", "بالانتخاب|الانتخاب|انتخاب"),
                row("wa- + bi- + al-", "وبالانتخابات", "وبالانتخاب|بالانتخاب|الانتخاب|انتخاب"),
                row("li- + al- (lil-)", "للإرهاب", "للارهاب|الارهاب|ارهاب"),
                row("wa- + al-", "والإرهاب", "والارهاب|الارهاب|ارهاب"),
                row("fa- + al-", "فالإرهاب", "فالارهاب|الارهاب|ارهاب"),
                row("ka- + al-", "كالعادة", "كالعاد|العاد|عاد"),
                row("wa- + li- + three letters", "ولمصر", "ولمصر|لمصر|مصر"),
                row("wa- + lil-", "وللإرهاب", "وللارهاب|للارهاب|الارهاب|ارهاب"),
                row("wa- before a protected word", "وبيروت", "وبيروت|بيروت"),
                row("bi- before a protected word", "ببيروت", "ببيروت|بيروت"),
                // negatives: words that merely begin with a proclitic letter
                row("Beirut stays whole", "بيروت", "بيروت"),
                row("Lebanon stays whole (and is not milk)", "لبنان", "لبنان"),
                row("France stays whole", "فرنسا", "فرنسا"),
                row("minister stays whole", "وزير", "وزير"),
                row("Canada stays whole", "كندا", "كندا"),
                row("idea is not hatred", "فكرة", "فكره"),
                row("too short to peel", "وقت بعد", "وقت بعد"),
                row("article before two letters stays", "الله", "الل"),
                // negatives: real tokens and sentence ends are never merged
                row("U.S.", "U.S. forces", "u.s force"),
                row("decimal number", "3.5 مليار", "3.5 مليار"),
                row("a.m.", "9 a.m. today", "9 a.m today"),
                row("Hijri year then a sentence", "عام 1445هـ. وقال", "عام 1445ه وقال|قال"),
                row("Hijri year with a space", "1445 هـ.ـ الحكومة", "1445 ه الحكوم|حكوم"),
                row("etc. then a sentence", "الخ. ثم", "الخ ثم"),
                row("sentence end after a stretched word", "الرئاســة. ثم", "الرئاس|رئاس ثم"),
                row("URL", "http://example.com/a_b-c", "http example.com a_b c"),
                row("e-mail", "info@example.org", "info example.org"),
                row("tatweel between numbers is a dash", "2015ـ2016", "2015ـ2016"),
                // English and mixed scripts
                row("English possessive and plural", "Syria’s presidential elections", "syria presidential election"),
                row("English names inside Arabic", "قال Joe Biden's administration إن", "قال joe biden administration ان"),
                row("Arabic inside English", "the word الإرهـ.ـاب means", "the word الارهاب|ارهاب mean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void analyzesAsTheTableSays(String name, String input, String expected) {
        assertThat(Analysis.terms(input)).isEqualTo(expected);
    }

    private static Arguments row(String name, String input, String expected) {
        return Arguments.of(name, input, expected);
    }
}
