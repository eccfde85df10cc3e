package zjlearn.report;

import org.junit.jupiter.api.Test;
import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The package summary's words come from the report bundle, in either language; its table lines up. */
class PackageSummaryTextTest {
    private static final Path OUT = Path.of("打包结果");

    private static PackageSummaryText.Summary summary(boolean dry) {
        List<PackageSummaryText.UnitRow> units = List.of(
                new PackageSummaryText.UnitRow("杭州市", 2, 1, 0, true, 12, 115_000, "杭州市.zip", null),
                new PackageSummaryText.UnitRow("嘉兴市", 0, 0, 4, false, 0, 0, "嘉兴市.zip", null),
                new PackageSummaryText.UnitRow("宁波市", 1, 0, 0, true, 3, 2048, "宁波市.zip", "disk full"));
        List<PackageSummaryText.Left> left = List.of(
                new PackageSummaryText.Left("嘉兴市/百姓学习之星/01-赵一", true, Msg.literal("超额未打包"),
                        Msg.literal("名额"), Msg.literal("择优"), List.of(Rule.QUOTA_EXCEEDED), 0),
                new PackageSummaryText.Left("杭州市/百姓学习之星/02-李四", false, Msg.literal("不通过"),
                        Msg.literal("电话"), null, List.of(Rule.FORM_FIELD_MISSING), 2));
        List<PackageSummaryText.Archive> archives = dry
                ? List.of(new PackageSummaryText.Archive("杭州市.zip", null,
                        List.of(new PackageSummaryText.Entry("杭州市/data/推荐表.docx", 2048))))
                : List.of(new PackageSummaryText.Archive("杭州市.zip", "ab12", List.of()));
        return new PackageSummaryText.Summary("2021年征集", OUT, dry, units, left, List.of(), archives,
                OUT.resolve("汇总表.xlsx"), OUT.resolve("report.json"), OUT.resolve("report.html"));
    }

    private static String print(PackageSummaryText.Summary s, Locale locale) {
        StringWriter w = new StringWriter();
        new PackageSummaryText(locale).print(s, new PrintWriter(w));
        return w.toString();
    }

    @Test
    void chineseSummary() {
        String text = print(summary(false), Locale.SIMPLIFIED_CHINESE);
        assertThat(text).startsWith("zjlearn 打包结果 —— 2021年征集\n输出文件夹：打包结果\n\n")
                .contains("嘉兴市     0       0     4                  —（没有可打包的推荐对象）\n")
                .contains("✘ 写入失败：disk full")
                .contains("合计       3       1     4    12  112.3 KB  1 个压缩包\n")
                .contains("未打包的推荐对象（2 个）：\n  ⊘ 嘉兴市/百姓学习之星/01-赵一  超额未打包\n      名额  [quota.exceeded]\n      修改：择优\n")
                .contains("      电话  [form.field-missing]\n      另有 2 个问题，详见 " + OUT.resolve("report.html"))
                .contains("压缩包校验值（SHA-256）：\n  ab12  杭州市.zip\n")
                .endsWith("网页报告：" + OUT.resolve("report.html") + "\n");
    }

    @Test
    void englishDryRun() {
        String text = print(summary(true), Locale.ENGLISH);
        assertThat(text).contains("Dry run (--dry-run): nothing was written")
                .contains("Unit    Accepted  Rejected  Over quota  Files      Size  Archive\n")
                .contains("Total          3         1           4     12  112.3 KB  1 archive(s)\n")
                .contains("Not packaged (2):").contains("Fix: 择优").contains("2 more problem(s), see ")
                .contains("杭州市.zip would hold:\n  杭州市/data/推荐表.docx  (2.0 KB)\n")
                .doesNotContain("SHA-256").doesNotContain("Summary workbook")
                .doesNotContainPattern("[\u4e00-\u9fff]{2,}：");
    }
}
