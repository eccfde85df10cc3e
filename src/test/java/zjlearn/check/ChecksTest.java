package zjlearn.check;

import zjlearn.i18n.Msg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.rules.Severity;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.describe;
import static zjlearn.testing.Runs.findings;
import static zjlearn.testing.Runs.zh;

/**
 * Each rule of the foundation fires on the input it is about and stays silent on compliant input.
 * The compliant province is built once per test from {@link Province}; each test breaks one thing.
 */
class ChecksTest {
    @TempDir
    Path tmp;

    Province province() {
        return new Province(tmp.resolve("province"));
    }

    @Test
    void aCompliantProvinceHasNoFinding() {
        Province p = province();
        p.star("杭州市", "张三").write();
        p.star("杭州市", "李四").set("性别", "男").write();
        p.project("杭州市", "共富夜校").write();
        p.star("宁波市", "王五").write();
        p.project("浙江省社区教育指导中心", "银龄数字课堂").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(describe(result)).isEmpty();
        assertThat(result.passedCount()).isEqualTo(5);
        assertThat(result.exitCode(true)).isZero();
        assertThat(result.validation().scan().units()).containsExactly("杭州市", "宁波市", "浙江省社区教育指导中心");
    }

    @Test
    void aMissingOrEmptyRequiredFieldIsReported() {
        Province p = province();
        p.star("杭州市", "张三").set("联系电话", "").write();
        p.star("杭州市", "李四").set("政治面貌", null).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "form.field-missing")).extracting(Runs::zh)
                .containsExactlyInAnyOrder("附表1 “百姓学习之星”推荐表的“联系电话”一栏没有填写",
                        "附表1 “百姓学习之星”推荐表中没有“政治面貌”一栏");
        assertThat(findings(result, "form.field-missing")).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.fix()).isNotNull();
            assertThat(f.file()).endsWith("推荐表.docx");
        });
        assertThat(result.passedCount()).isZero();
    }

    @Test
    void oneOfTwoParticipantFieldsIsEnough() {
        Province p = province();
        p.project("杭州市", "共富夜校").set("年参与人数", null).write();
        p.project("杭州市", "银龄课堂").set("年参与人数", null).set("年参与人次", null).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "form.field-missing")).singleElement()
                .satisfies(f -> {
                    assertThat(f.submission()).endsWith("银龄课堂");
                    assertThat(zh(f)).contains("“年参与人数”或“年参与人次”至少要填写一项");
                    assertThat(f.message().render(java.util.Locale.ENGLISH))
                            .endsWith("needs at least one of \"年参与人数\" or \"年参与人次\"");
                });
    }

    @Test
    void aValueOfTheWrongKindIsInvalid() {
        Province p = province();
        p.star("杭州市", "张三").set("性别", "未知").set("出生年月", "五月").set("联系电话", "8803128").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "form.field-invalid")).extracting(Runs::zh)
                .anySatisfy(m -> assertThat(m).contains("“性别”").contains("未知"))
                .anySatisfy(m -> assertThat(m).contains("“出生年月”"))
                .anySatisfy(m -> assertThat(m).contains("“联系电话”"));
        assertThat(findings(result, "form.field-invalid")).allSatisfy(f -> assertThat(f.expected()).isNotNull());
    }

    @Test
    void aShortSummaryIsAnErrorAndASlightlyShortOneAWarning() {
        Province p = province();
        p.project("杭州市", "共富夜校").summaryWords(1000).write();
        p.project("杭州市", "银龄课堂").summaryWords(1700).write();
        p.project("杭州市", "书香社区").summaryWords(2100).write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "text.length")).hasSize(2);
        assertThat(findings(result, "text.length")).filteredOn(f -> f.submission().endsWith("共富夜校"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(zh(f)).contains("1000 字");
                });
        assertThat(findings(result, "text.length")).filteredOn(f -> f.submission().endsWith("银龄课堂"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void aUnitOverItsQuotaIsReportedOnceForTheCategory() {
        Province p = province();
        for (String name : new String[] {"赵一", "钱二", "孙三", "李四"}) {
            p.star("嘉兴市", name).write();
        }
        for (String name : new String[] {"赵一", "钱二", "孙三", "李四"}) {
            p.star("杭州市", name + "杭").write();
        }
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "quota.exceeded")).singleElement().satisfies(f -> {
            assertThat(zh(f)).contains("嘉兴市").contains("推荐了 4 个，超过名额 3 个");
            assertThat(f.submission()).isNull();
        });
    }

    @Test
    void theCentresQuotaCoversBothCategories() {
        Province p = province();
        p.star("浙江省社区教育指导中心", "张三").write();
        p.project("浙江省社区教育指导中心", "银龄数字课堂").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "quota.exceeded")).singleElement().satisfies(f -> {
            assertThat(f.message().key()).isEqualTo("quota.exceeded.message");
            assertThat(f.message().args()).startsWith("浙江省社区教育指导中心");
            assertThat(((Msg) f.message().args().get(1)).key()).isEqualTo("quota.scope.all");
            assertThat(f.message().args().subList(2, 4)).containsExactly("2", "1");
            assertThat(zh(f)).isEqualTo("浙江省社区教育指导中心“百姓学习之星”“终身学习品牌项目”合计推荐了 2 个，超过名额 1 个"
                    + "（张三、银龄数字课堂）");
            assertThat(f.message().render(java.util.Locale.ENGLISH)).isEqualTo("浙江省社区教育指导中心 sent 2 in Learning Star"
                    + " and Lifelong Learning Brand Project together, over its quota of 1 (张三, 银龄数字课堂)");
        });
    }

    @Test
    void aCategoryListMustNameEveryFolderAndNoOneElse() {
        Province p = province();
        Province.Nominee a = p.star("杭州市", "张三").withoutOwnList();
        Province.Nominee b = p.star("杭州市", "李四").withoutOwnList();
        Province.Nominee ghost = p.star("杭州市", "王五");
        a.write();
        b.write();
        p.categoryList("杭州市", Province.STAR, Province.rows(a, ghost));
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "consistency.registration-list")).extracting(Runs::zh)
                .containsExactlyInAnyOrder("百姓学习之星的推荐登记表（推荐登记表.xlsx）中没有“李四”", "推荐登记表列出了“王五”，但没有该推荐对象的文件夹");
        assertThat(findings(result, "files.count")).isEmpty();
    }

    @Test
    void aCompleteCategoryListIsSilentAndStandsInForTheOwnLists() {
        Province p = province();
        Province.Nominee a = p.star("杭州市", "张三").withoutOwnList();
        Province.Nominee b = p.star("杭州市", "李四").withoutOwnList();
        a.write();
        b.write();
        p.categoryList("杭州市", Province.STAR, Province.rows(a, b));
        assertThat(describe(Runs.validate(p.root()))).isEmpty();
    }

    @Test
    void aMissingNominationFormAndExtraPhotosAreCounted() throws IOException {
        Province p = province();
        Path dir = p.star("杭州市", "张三").photos(3).write();
        Files.delete(dir.resolve("推荐表.docx"));
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "files.count")).extracting(Runs::zh)
                .anySatisfy(m -> assertThat(m).contains("缺少推荐表"))
                .anySatisfy(m -> assertThat(m).contains("证件照或照片太多"));
    }

    @Test
    void aFormNamingAnotherPersonOrUnitDisagrees() {
        Province p = province();
        p.star("杭州市", "张三").set("姓名", "张山").write();
        p.star("杭州市", "李四").set("推荐单位", "宁波市教育局").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "consistency.name-mismatch")).extracting(Runs::zh)
                .anySatisfy(m -> assertThat(m).contains("“张山”").contains("“张三”"));
        assertThat(findings(result, "consistency.unit-mismatch"))
                .extracting(f -> f.file().substring(f.file().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("推荐表.docx", "推荐登记表.docx");
        assertThat(findings(result, "consistency.unit-mismatch"))
                .allSatisfy(f -> assertThat(zh(f)).contains("宁波市教育局").contains("杭州市"));
    }

    @Test
    void theSameNomineeSentByTwoUnitsIsADuplicate() {
        Province p = province();
        p.star("杭州市", "张三").write();
        p.star("宁波市", "张三").write();
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "consistency.duplicate")).hasSize(2)
                .allSatisfy(f -> assertThat(zh(f)).contains("重复报送"));
    }

    @Test
    void layoutProblemsAreWarningsOrErrorsAsDesigned() throws IOException {
        Province p = province();
        Path dir = p.star("杭州市", "张三").write();
        Files.writeString(dir.resolve("~$推荐表.docx"), "lock");
        Files.writeString(dir.resolve("Thumbs.db"), "x");
        Files.writeString(dir.resolve("说明.xyz"), "some notes");
        Files.createDirectories(p.root().resolve("上海市").resolve(Province.STAR));
        Files.createDirectories(p.category("宁波市", Province.STAR));
        Files.createDirectories(p.root().resolve("__MACOSX"));
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "layout.temp-file")).hasSize(3)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(findings(result, "layout.unknown-file")).singleElement()
                .satisfies(f -> assertThat(f.file()).endsWith("说明.xyz"));
        assertThat(findings(result, "layout.unknown-unit")).singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo("上海市"));
        assertThat(findings(result, "layout.empty")).singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo("宁波市/百姓学习之星"));
    }

    @Test
    void brokenFilesBecomeFindingsNotCrashes() throws IOException {
        Province p = province();
        Path dir = p.project("杭州市", "共富夜校").write();
        Files.write(dir.resolve("工作总结.docx"), new byte[0]);
        byte[] form = Files.readAllBytes(dir.resolve("推荐表.docx"));
        Files.write(dir.resolve("推荐表.docx"), java.util.Arrays.copyOf(form, form.length / 2));
        Files.writeString(dir.resolve("推荐登记表.doc"), "<html><body><table><tr><td>序号</td></tr></table></body></html>");
        Files.delete(dir.resolve("推荐登记表.docx"));
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "file.empty")).singleElement().satisfies(f -> assertThat(f.file()).endsWith("工作总结.docx"));
        assertThat(findings(result, "file.unreadable")).singleElement().satisfies(f -> assertThat(f.file()).endsWith("推荐表.docx"));
        assertThat(findings(result, "file.type-not-allowed")).singleElement()
                .satisfies(f -> assertThat(f.fix().render(java.util.Locale.CHINA)).contains("网页文件"));
        assertThat(findings(result, "file.type-mismatch")).singleElement()
                .satisfies(f -> assertThat(f.file()).endsWith("推荐登记表.doc"));
    }

    @Test
    void aVideoNamedAsAFormIsNotAcceptedAsTheForm() throws IOException {
        Province p = province();
        Path dir = p.star("杭州市", "张三").write();
        Files.write(dir.resolve("推荐表.docx"), new zjlearn.probe.video.Mp4Builder().build());
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "file.type-not-allowed")).singleElement()
                .satisfies(f -> assertThat(f.actual().render(java.util.Locale.CHINA)).contains("MP4"));
    }

    @Test
    void aDocxNamedDocIsReadButFlagged() throws IOException {
        Province p = province();
        Path dir = p.star("杭州市", "张三").write();
        Files.move(dir.resolve("推荐表.docx"), dir.resolve("推荐表.doc"));
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "file.type-mismatch")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(zh(f)).contains("名为 .doc").contains("Word 文档 (.docx)");
        });
        assertThat(findings(result, "form.field-missing")).isEmpty();
        assertThat(result.exitCode(false)).isZero();
        assertThat(result.exitCode(true)).isEqualTo(1);
    }

    @Test
    void anEncryptedFormIsReported() throws Exception {
        Province p = province();
        Path dir = p.star("杭州市", "张三").write();
        zjlearn.testing.Encrypt.docx(dir.resolve("推荐表.docx"), "123456");
        ValidationResult result = Runs.validate(p.root());
        assertThat(findings(result, "file.encrypted")).singleElement()
                .satisfies(f -> assertThat(f.fix().render(java.util.Locale.CHINA)).contains("密码"));
    }
}
