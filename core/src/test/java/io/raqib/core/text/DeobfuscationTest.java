package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import org.apache.lucene.analysis.CharFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The de-obfuscation stage joins disguised words and never merges real tokens. */
class DeobfuscationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            U.S. forces at 3.5 km by 9 a.m.         | U.S. forces at 3.5 km by 9 a.m.
            عام 1445هـ. وقال                         | عام 1445ه. وقال
            عام 1445 هـ.ـ وقال                       | عام 1445 ه. وقال
            الخ. ثم                                  | الخ. ثم
            الرئاســة. ثم                            | الرئاسة. ثم
            بعد طول انتظار.. مسؤول                   | بعد طول انتظار.. مسؤول
            https://example.com/a_b-c.html?x=1.5     | https://example.com/a_b-c.html?x=1.5
            first.last@example.org                   | first.last@example.org
            2015ـ2016                                | 2015ـ2016
            """)
    void leavesRealTokensAlone(String input, String expected) {
        assertThat(DisguiseCharFilter.strip(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            لمكـ.ـافحة قوى الإرهـ.ـاب والتطـ.ـرف.     | لمكافحة قوى الإرهاب والتطرف.
            مسرحية هـ.ـزيلة                          | مسرحية هزيلة
            السـ_ـورية                               | السورية
            الإرهـ ـاب                               | الإرهاب
            الإرهَـ.ـاب                              | الإرهَاب
            الإرهـَ.ـاب                              | الإرهاب
            """)
    void joinsDisguisedWordsKeepingTheirSpelling(String input, String expected) {
        assertThat(DisguiseCharFilter.strip(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            قصف في س و ر ي ا أمس                     | قصف في سوريا أمس
            تنظيم د.ا.ع.ش الإرهابي                   | تنظيم داعش الإرهابي
            حركة ح-م-ا-س                             | حركة حماس
            حركة ح. م. ا. س.                         | حركة حماس.
            ف ت ك س ر ت الزجاجة                      | فتكسرت الزجاجة
            ا ل إ ر ه ا ب                            | الإرهاب
            سُ و ر ي ا                               | سُوريا
            """)
    void joinsWordsSpelledLetterByLetter(String input, String expected) {
        assertThat(DisguiseCharFilter.strip(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (د.ب.أ) و(أ ف ب) و(إ ب أ)                | (د.ب.أ) و(أ ف ب) و(إ ب أ)
            حزب ب ي د الكردي                         | حزب ب ي د الكردي
            قال و هو يبتسم                           | قال و هو يبتسم
            و ب ت ثم                                 | و ب ت ثم
            في س و ر يا                              | في س و ر يا
            J. R. R. T. Tolkien                      | J. R. R. T. Tolkien
            """)
    void leavesAcronymsAndSingleLetterWordsApart(String input, String expected) {
        assertThat(DisguiseCharFilter.strip(input)).isEqualTo(expected);
    }

    @Test
    void wrapCorrectsOffsetsBackToTheOriginal() {
        String original = "قوى الإرهـ.ـاب";
        Reader reader = DisguiseCharFilter.wrap(new StringReader(original));
        String stripped = Analysis.read(reader);

        assertThat(stripped).isEqualTo("قوى الإرهاب");
        CharFilter filter = (CharFilter) reader;
        int start = stripped.indexOf("الإرهاب");
        assertThat(original.substring(filter.correctOffset(start), filter.correctOffset(stripped.length())))
                .isEqualTo("الإرهـ.ـاب");
    }
}
