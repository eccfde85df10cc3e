package zjlearn.probe.form;

import zjlearn.rules.LabelText;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelTextTest {
    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
            "姓  名|姓名",
            "性　别|性别",
            "姓\u00A0名|姓名",
            "姓\u200B名\uFEFF|姓名",
            "姓名：|姓名",
            "民族:|民族",
            "*政治面貌|政治面貌",
            "＊联系电话：|联系电话",
            "推荐单位（盖章）：|推荐单位",
            "主要学习事迹(限1500字)|主要学习事迹",
            "工作单位及职务（职业）|工作单位及职务",
            "姓名：（必填）|姓名",
            "（盖章）|（盖章）",
            "(备注)|(备注)",
    })
    void normalizes(String raw, String expected) {
        assertThat(LabelText.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void removesLineBreaksAndTabs() {
        assertThat(LabelText.normalize("工作单位\n及职务")).isEqualTo("工作单位及职务");
        assertThat(LabelText.normalize("主\r\n要\u000B学\t习 事 迹")).isEqualTo("主要学习事迹");
    }

    @Test
    void composesToNfc() {
        String decomposed = "e\u0301"; // é as e + combining acute, as macOS writes it
        assertThat(LabelText.normalize(decomposed)).isEqualTo("\u00E9");
    }

    @Test
    void nullAndBlankGiveEmpty() {
        assertThat(LabelText.normalize(null)).isEmpty();
        assertThat(LabelText.normalize(" \u3000 ")).isEmpty();
    }

    @Test
    void testResolverUsesAliases() {
        assertThat(TestLabels.STAR.resolve("出生日期：")).contains("出生年月");
        assertThat(TestLabels.STAR.resolve("单位及职务")).contains("工作单位及职务");
        assertThat(TestLabels.STAR.resolve("手 机")).contains("联系电话");
        assertThat(TestLabels.STAR.resolve("年参与人数（人次）")).contains("年参与人数（人次）");
        assertThat(TestLabels.STAR.resolve("李明华")).isEmpty();
    }
}
