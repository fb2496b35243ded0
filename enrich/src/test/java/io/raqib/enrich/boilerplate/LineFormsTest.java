package io.raqib.enrich.boilerplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFormsTest {

    private static final LineForms BUNDLED = LineForms.load(null);

    @Test
    void arabicFormsAreRecognisedWhateverTheirHamzaAlefTaaMarbutaAndTanween() {
        String[] lines = {
            "اقرأ أيضاً: عنوان آخر", "اقرا ايضا: عنوان آخر", "إقرأ أيضًا - عنوان آخر", "اقرأ أيضا", "إقرأ أيضاً",
            "اقـ.ـرأ أيضاً: عنوان آخر", "اقرأ المزيد", "اقرأ المزيد »", "ذات صلة:", "ذات صله: عنوان", "مواضيع ذات صلة",
            "طالع أيضاً: عنوان", "شاهد ايضا | فيديو", "الأكثر قراءة", "الاكثر قراءه", "...المزيد",
            "تابعونا على تويتر", "تابعونا على تويتر: @raqib", "تابعونا على فيس بوك",
            "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك", "اشترك في النشرة البريدية",
        };
        for (String line : lines) {
            assertThat(BUNDLED.cut(line).dropped()).as(line).isTrue();
        }
    }

    @Test
    void englishFormsAreRecognisedWhateverTheirCase() {
        String[] lines = {
            "Share this article", "SHARE THIS ARTICLE", "share this article:", "Follow us on Twitter",
            "follow us on twitter @raqib", "Subscribe to our newsletter", "Click here to read more",
            "Related Topics", "RELATED: Another story", "Read more » Another story", "See also - more", "Also read:",
        };
        for (String line : lines) {
            assertThat(BUNDLED.cut(line).dropped()).as(line).isTrue();
        }
    }

    @Test
    void storyTextThatMerelyMentionsAFormStays() {
        String[] lines = {
            "Read also the full report, which says much more.", "Related parties met on Monday.",
            "Share prices rose 5% in early trading.", "Subscribers to the service doubled.",
            "He said he would follow us on Twitter after the vote.",
            "اقرأ أيضاً ما قاله الوزير في المؤتمر الصحفي أمس", "وقال إن على الجميع أن يقرأ أيضاً التقرير كاملاً.",
            "تابعنا على تويتر تصريحات الوزير حول الأزمة", "وطالب بالمزيد من الدعم للمزارعين.",
            "يشارك من خلال البرنامج 75 طالباً من مختلف مناطق المملكة.",
        };
        for (String line : lines) {
            LineCut cut = BUNDLED.cut(line);
            assertThat(cut.cut()).as(line).isFalse();
            assertThat(cut.kept(line)).isEqualTo(line);
        }
    }

    @Test
    void aShareBarGluedToTheFirstSentenceIsCutOffItsStart() {
        String line = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد الأمير محمد بن نايف أن الأمن مصان";
        LineCut cut = BUNDLED.cut(line);

        assertThat(cut.kind()).isEqualTo("share");
        assertThat(cut.kept(line)).isEqualTo("أكد الأمير محمد بن نايف أن الأمن مصان");
        assertThat(cut.start()).isEqualTo(line.indexOf("أكد"));
    }

    @Test
    void galleryButtonsAreCutBeforeTheBylineAndAfterTheLastLine() {
        assertThat(keptOf("Next Previous حامد القرشي – عين اليوم")).isEqualTo("حامد القرشي – عين اليوم");
        assertThat(keptOf("ساعة إل جي الذكية Next Previous")).isEqualTo("ساعة إل جي الذكية");
        assertThat(BUNDLED.cut("Next Previous").dropped()).isTrue();
    }

    @Test
    void footersAreCutFromWhereTheyStartToTheLineEnd() {
        assertThat(keptOf("aaljamili@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) ثم مسافة ثم نص الرسالة "
                + "إلى 88591 - Stc 635031 - Mobily 737221 - Zain")).isEqualTo("aaljamili@yahoo.com");
        assertThat(keptOf("ويحل أجل استحقاق عقد أغسطس يوم الثلاثاء القادم. رابط الخبر بصحيفة الوئام: النفط يهبط"))
                .isEqualTo("ويحل أجل استحقاق عقد أغسطس يوم الثلاثاء القادم.");
        for (String line : new String[] {"88591 - Stc", "635031 - Mobily", "٧٣٧٢٢١ - Zain", "الاتصالات ,636250 موبايلي, 738303",
            "للتواصل أرسل sms إلى 88548 الاتصالات، 636250 موبايلي، 738303 زين تبدأ بالرمز 153 مسافة ثم الرسالة",
            "738303 زين تبدأ بالرمز 159 مسافة ثم الرسالة", "رابط الخبر بصحيفة الوئام: عنوان الخبر"}) {
            assertThat(BUNDLED.cut(line).dropped()).as(line).isTrue();
        }
    }

    @Test
    void aLongParagraphLosesAGluedShareBarAndLinkLineButNotTheStoryAfterAnEarlyFooterForm() {
        String story = "وقال المتحدث إن العمل مستمر في المشروع. ".repeat(20).strip();
        String line = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك " + story + " رابط الخبر بصحيفة الوئام: عنوان";
        LineCut cut = BUNDLED.cut(line);

        assertThat(line.length()).isGreaterThan(LineForms.HEAD + LineForms.TAIL);
        assertThat(cut.kept(line)).isEqualTo(story);
        String early = "رابط الخبر بصحيفة الوئام: " + story;
        assertThat(BUNDLED.cut(early).cut()).as("footer form more than %d chars before the end", LineForms.TAIL)
                .isFalse();
    }

    @Test
    void anOperatorFolderAddsForms(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("desk.tsv"), "kind\tcut\tform\npromo\tline\tمحتوى مدعوم\n",
                StandardCharsets.UTF_8);
        LineForms forms = LineForms.load(dir);

        assertThat(forms.size()).isEqualTo(BUNDLED.size() + 1);
        assertThat(forms.cut("محتوى مدعوم: إعلان").kind()).isEqualTo("promo");
        assertThat(BUNDLED.cut("محتوى مدعوم: إعلان").cut()).isFalse();
        assertThat(forms.cut("اقرأ أيضاً: عنوان").dropped()).isTrue();
    }

    @Test
    void aBadOperatorRowIsRefusedNamingItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("desk.tsv"), "kind\tcut\tform\npromo\tmiddle\tمحتوى مدعوم\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LineForms.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("desk.tsv:2").hasMessageContaining("middle");
    }

    private static String keptOf(String line) {
        return BUNDLED.cut(line).kept(line);
    }
}
