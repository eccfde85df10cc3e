package zjlearn.rules;

import org.junit.jupiter.api.Test;
import zjlearn.i18n.Bundles;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file type has a display name in both languages, from filetype_zh|en.properties by its id. */
class FileTypeLabelTest {
    @Test
    void everyTypeHasADisplayNameInBothLanguages() {
        for (FileType t : FileType.values()) {
            assertThat(t.labelKey()).isEqualTo("filetype." + t.id());
            assertThat(Bundles.has(t.labelKey(), Locale.CHINA)).as(t.id()).isTrue();
            assertThat(Bundles.has(t.labelKey(), Locale.ENGLISH)).as(t.id()).isTrue();
            assertThat(t.displayName(Locale.ENGLISH)).as(t.id()).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void namesAreRenderedInTheRunsLanguage() {
        assertThat(FileType.DOCX.displayName(Locale.CHINA)).isEqualTo("Word 文档 (.docx)");
        assertThat(FileType.DOCX.displayName(Locale.ENGLISH)).isEqualTo("Word document (.docx)");
        assertThat(FileType.HEIC.displayName(Locale.SIMPLIFIED_CHINESE)).isEqualTo("HEIC 图片（苹果手机格式）");
    }
}
