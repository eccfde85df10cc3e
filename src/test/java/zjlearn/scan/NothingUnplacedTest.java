package zjlearn.scan;

import zjlearn.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.rules.Severity;
import zjlearn.testing.Docs;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;
import zjlearn.testing.Cli.Run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static zjlearn.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static zjlearn.testing.Runs.describe;
import static zjlearn.testing.Runs.findings;
import static zjlearn.testing.Runs.zh;

/**
 * Issue 11, the scan's half: whatever a city sends that could hold material is checked, packaged, or named as an
 * error with where it belongs — on folders shaped like the ones cities really send (built from the samples'
 * shapes with {@link Province}).
 */
class NothingUnplacedTest {
    @TempDir
    Path tmp;

    /** 杭州市 with two stars (one list for the category) and a project, 宁波市 with one star: all compliant. */
    Province compliant() {
        Province p = new Province(tmp.resolve("全省材料"));
        Province.Nominee zhang = p.star("杭州市", "张晓梅").folder("01-张晓梅").withoutOwnList();
        Province.Nominee li = p.star("杭州市", "李建国").folder("02-李建国").set("性别", "男").withoutOwnList();
        zhang.write();
        li.write();
        p.categoryList("杭州市", Province.STAR, Province.rows(zhang, li));
        p.project("杭州市", "共富夜校").folder("01-共富夜校").write();
        p.star("宁波市", "赵志刚").folder("01-赵志刚").write();
        return p;
    }

    static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.move(from, to);
    }

    static List<Finding> rule(ValidationResult r, String rule) {
        return findings(r, rule);
    }

    @Test
    void aCompliantProvinceHasNoLayoutFinding() {
        ValidationResult r = Runs.validate(compliant().root());
        assertThat(describe(r)).isEmpty();
    }

    @Test
    void aSubmissionWithoutItsCategoryLevelIsCheckedAsItsCategoryAndIsAnError() throws IOException {
        Province p = compliant();
        move(p.category("杭州市", Province.PROJECT).resolve("01-共富夜校"), p.unit("杭州市").resolve("共富夜校"));
        Files.delete(p.category("杭州市", Province.PROJECT));
        // a star folder whose file names tell nothing (1.jpg, 2.jpg): its form's labels (姓名) tell the category
        Path star = p.star("宁波市", "孙丽").folder("孙丽").write();
        move(star, p.unit("宁波市").resolve("孙丽"));
        Files.move(p.unit("宁波市").resolve("孙丽/证件照.jpg"), p.unit("宁波市").resolve("孙丽/1.jpg"));
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.unplaced")).extracting(Finding::file, Finding::submission, Finding::severity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("杭州市/共富夜校", "杭州市/共富夜校", Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("宁波市/孙丽", "宁波市/孙丽", Severity.ERROR));
        assertThat(rule(r, "layout.unplaced")).extracting(f -> f.fix().render(Locale.SIMPLIFIED_CHINESE))
                .containsExactlyInAnyOrder("把“共富夜校”移入单位文件夹中的“终身学习品牌项目”文件夹（没有就新建一个）",
                        "把“孙丽”移入单位文件夹中的“百姓学习之星”文件夹（没有就新建一个）");
        assertThat(r.validation().scan().submissions()).filteredOn(s -> s.path().equals("杭州市/共富夜校"))
                .singleElement().satisfies(s -> assertThat(s.category()).isEqualTo("project"));
        Run pack = run("package", p.root().toString(), "-o", tmp.resolve("out").toString(), "--dry-run");
        assertThat(pack.code()).isEqualTo(1);
        assertThat(pack.out()).contains("杭州市/共富夜校  不通过").contains("[layout.unplaced]");
    }

    @Test
    void anArchiveAmongASubmissionsFilesIsAnErrorThatSaysToUnpackIt() throws IOException {
        Province p = compliant();
        Path li = p.category("杭州市", Province.STAR).resolve("02-李建国");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(li.resolve("全部照片.zip")))) {
            zip.putNextEntry(new ZipEntry("活动1.jpg"));
            zip.write(Files.readAllBytes(li.resolve("生活照.jpg")));
            zip.closeEntry();
        }
        Files.write(p.category("宁波市", Province.STAR).resolve("01-赵志刚/材料.rar"), new byte[] {'R', 'a', 'r', '!', 0x1A, 7, 0});
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.archive")).extracting(Finding::file, Finding::submission)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("杭州市/百姓学习之星/02-李建国/全部照片.zip", "杭州市/百姓学习之星/02-李建国"),
                        org.assertj.core.groups.Tuple.tuple("宁波市/百姓学习之星/01-赵志刚/材料.rar", "宁波市/百姓学习之星/01-赵志刚"));
        assertThat(rule(r, "layout.archive")).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).startsWith("压缩包：请解压后放入").doesNotContain("删除");
        });
        Run pack = run("package", p.root().toString(), "-o", tmp.resolve("out").toString(), "--dry-run");
        assertThat(pack.code()).isEqualTo(1);
        assertThat(pack.out()).contains("杭州市/百姓学习之星/02-李建国  不通过").contains("[layout.archive]");
    }

    @Test
    void anErrorOutsideEverySubmissionMakesPackageExitOneAndIsListed() throws IOException {
        Province p = compliant();
        Files.copy(p.category("杭州市", Province.STAR).resolve("01-张晓梅/推荐表.docx"), p.root().resolve("张晓梅推荐表.docx"));
        Run pack = run("package", p.root().toString(), "-o", tmp.resolve("out").toString());
        assertThat(pack.code()).isEqualTo(1);
        assertThat(pack.out()).contains("未打包的文件和文件夹（1 个）").contains("✘ 张晓梅推荐表.docx").contains("[layout.unplaced]")
                .contains("杭州市.zip").contains("宁波市.zip");
        assertThat(Files.readString(tmp.resolve("out/report.json"))).contains("\"leftOut\"").contains("张晓梅推荐表.docx");
    }

    @Test
    void aUnitFolderWrappedInItselfIsReadUnwrappedWithAWarning() throws IOException {
        Province p = compliant();
        Path hangzhou = p.unit("杭州市");
        move(hangzhou, tmp.resolve("tmp-杭州市"));
        move(tmp.resolve("tmp-杭州市"), hangzhou.resolve("杭州市"));
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.nested-folder")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.file()).isEqualTo("杭州市/杭州市");
        });
        assertThat(r.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(r.validation().scan().submissions()).hasSize(4);
        Path out = tmp.resolve("out");
        Run pack = run("package", p.root().toString(), "-o", out.toString(), "--date", "2021-09-01");
        assertThat(pack.code()).as(pack.out()).isZero();
        try (ZipFile zip = new ZipFile(out.resolve("杭州市.zip").toFile())) {
            assertThat(zip.getEntry("杭州市/data/百姓学习之星/01-张晓梅/推荐表.docx")).isNotNull();
            assertThat(zip.getEntry("杭州市/data/百姓学习之星/推荐登记表.xlsx")).isNotNull();
        }
    }

    @Test
    void twoVersionsOfOneUnitAreAnErrorNamingBothAndAreCountedOnce() throws IOException {
        Province p = compliant();
        p.star("杭州市", "王丽华").folder("03-王丽华").write();
        Trees.copy(p.unit("杭州市"), p.root().resolve("杭州市（修改版）"));
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.duplicate-version")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.file()).isEqualTo("杭州市（修改版）");
            assertThat(zh(f)).contains("“杭州市（修改版）”和“杭州市”");
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).contains("只保留").doesNotContain("删除");
        });
        // three stars, not six: no quota finding, no nominee listed twice, no duplicate between the versions
        assertThat(rule(r, "quota.exceeded")).isEmpty();
        assertThat(rule(r, "consistency.duplicate")).isEmpty();
        assertThat(r.validation().scan().submissions()).filteredOn(s -> "杭州市".equals(s.unit())).hasSize(4);
        Run pack = run("package", p.root().toString(), "-o", tmp.resolve("out").toString(), "--dry-run");
        assertThat(pack.code()).isEqualTo(1);
        assertThat(pack.out()).contains("杭州市/百姓学习之星/01-张晓梅  不通过").contains("[layout.duplicate-version]")
                .doesNotContain("杭州市.zip 将包含");
    }

    @Test
    void twoVersionsOfOneNomineeAreAnErrorOnTheOneChecked() throws IOException {
        Province p = compliant();
        Path li = p.category("杭州市", Province.STAR).resolve("02-李建国");
        Trees.copy(li, li.resolveSibling("02-李建国 - 副本"));
        Trees.copy(li, li.resolveSibling("李建国(1)"));
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.duplicate-version")).extracting(Finding::file, Finding::submission)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("杭州市/百姓学习之星/02-李建国 - 副本", "杭州市/百姓学习之星/02-李建国"),
                        org.assertj.core.groups.Tuple.tuple("杭州市/百姓学习之星/李建国(1)", "杭州市/百姓学习之星/02-李建国"));
        assertThat(r.validation().scan().submissions()).filteredOn(s -> s.title().contains("李建国")).hasSize(1);
        assertThat(rule(r, "consistency.duplicate")).isEmpty();
    }

    @Test
    void differentNomineesAndALoneVersionMarkerAreNoVersions() throws IOException {
        Province p = compliant();
        move(p.unit("宁波市"), p.root().resolve("宁波市（修改版）"));
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.duplicate-version")).isEmpty();
        assertThat(r.validation().scan().units()).contains("宁波市");
    }

    @Test
    void nationalMaterialInTheSubmissionFolderGetsOneFindingThatSaysToMoveIt() throws IOException {
        Province p = compliant();
        Path zhao = p.star("宁波市", "赵志刚").folder("01-赵志刚").national(3, new zjlearn.probe.video.Mp4Builder().build()).write();
        Path national = zhao.resolve("全国推荐材料");
        try (var files = Files.list(national)) {
            for (Path f : files.toList()) {
                Files.move(f, zhao.resolve(f.getFileName()));
            }
        }
        Files.delete(national);
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.national-misplaced")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(zh(f)).contains("视频.mp4").contains("多出的 3 张照片");
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).contains("“全国推荐材料”").contains("移进去")
                    .doesNotContain("删除");
        });
        assertThat(rule(r, "files.count")).isEmpty();
    }

    @Test
    void oneNomineeGetsTheVerdictOfTheProvinceRun() {
        Province p = compliant();
        Path zhang = p.category("杭州市", Province.STAR).resolve("01-张晓梅");
        ValidationResult one = Runs.validate(zhang);
        assertThat(one.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(rule(one, "check.not-run")).singleElement()
                .satisfies(f -> assertThat(zh(f)).contains("名额检查"));
        assertThat(one.validation().scan().categoryFolders()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("..");
            assertThat(c.files()).extracting(InputFile::relPath).containsExactly("../推荐登记表.xlsx");
        });
        ValidationResult category = Runs.validate(p.category("杭州市", Province.STAR));
        assertThat(category.findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(rule(category, "check.not-run")).hasSize(1);
        ValidationResult unit = Runs.validate(p.unit("杭州市"));
        assertThat(rule(unit, "check.not-run")).singleElement()
                .satisfies(f -> assertThat(zh(f)).contains("与其他单位重复报送"));
        assertThat(rule(Runs.validate(p.root()), "check.not-run")).isEmpty();
    }

    @Test
    void aNomineeMissingFromTheListIsStillReportedAtItsOwnLevel() throws IOException {
        Province p = compliant();
        Path wang = p.star("杭州市", "王丽华").folder("03-王丽华").withoutOwnList().write();
        ValidationResult one = Runs.validate(wang);
        assertThat(rule(one, "consistency.registration-list")).singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo("../推荐登记表.xlsx"));
    }

    @Test
    void materialInTheProvinceFolderIsToldTheLevelsItMisses() throws IOException {
        Province p = compliant();
        move(p.category("杭州市", Province.PROJECT).resolve("01-共富夜校"), p.root().resolve("01-共富夜校"));
        Files.delete(p.category("杭州市", Province.PROJECT));
        move(p.category("宁波市", Province.STAR), p.root().resolve("百姓学习之星"));
        Files.copy(p.category("杭州市", Province.STAR).resolve("推荐登记表.xlsx"), p.root().resolve("推荐登记表.xlsx"));
        Files.createDirectories(p.root().resolve("资料"));
        Files.writeString(p.root().resolve("资料/说明.docx"), "x");
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.unplaced")).extracting(Finding::file, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("01-共富夜校", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("百姓学习之星", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("推荐登记表.xlsx", Severity.ERROR));
        assertThat(rule(r, "layout.unplaced")).extracting(f -> f.fix().render(Locale.SIMPLIFIED_CHINESE))
                .containsExactlyInAnyOrder(
                        "把“01-共富夜校”移入所属单位文件夹中的“终身学习品牌项目”文件夹（例如“杭州市/终身学习品牌项目/01-共富夜校”）",
                        "把“百姓学习之星”文件夹移入它所属单位的文件夹（以单位名称命名，如“杭州市”；没有就新建一个）",
                        "放到所属单位文件夹中的“百姓学习之星”文件夹");
        assertThat(rule(r, "layout.unplaced")).allSatisfy(f -> {
            assertThat(f.fix().render(Locale.ENGLISH)).startsWith("move");
            assertThat(f.message().render(Locale.ENGLISH)).contains("province folder").doesNotContain("全省");
        });
        // a folder that looks like no submission is still an unknown unit, told to rename it or move it out
        assertThat(rule(r, "layout.unknown-unit")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("资料");
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).contains("改名为该单位的名称").contains("移出报送文件夹");
        });
        // nothing of it was read as a submission, and package says it left it out
        assertThat(r.validation().scan().submissions()).extracting(Submission::path)
                .noneMatch(path -> path.startsWith("01-共富夜校") || path.startsWith("百姓学习之星"));
        Run pack = run("package", p.root().toString(), "-o", tmp.resolve("out").toString(), "--dry-run");
        assertThat(pack.code()).isEqualTo(1);
        assertThat(pack.out()).contains("01-共富夜校").contains("百姓学习之星").contains("推荐登记表.xlsx");
    }

    @Test
    void aCoverLetterAtUnitLevelIsPackagedAndAListFormThereIsToldItsCategory() throws IOException {
        Province p = compliant();
        Files.writeString(p.unit("杭州市").resolve("杭州市教育局推荐函.pdf"), "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n");
        Files.move(p.category("宁波市", Province.STAR).resolve("01-赵志刚/推荐登记表.docx"),
                p.unit("宁波市").resolve("推荐登记表.docx"));
        ValidationResult r = Runs.validate(p.root());
        assertThat(r.findings()).filteredOn(f -> f.file() != null && f.file().contains("推荐函")).isEmpty();
        assertThat(rule(r, "layout.unplaced")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("宁波市/推荐登记表.docx");
            assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).isEqualTo("放到“百姓学习之星”文件夹");
        });
        Path out = tmp.resolve("out");
        run("package", p.root().toString(), "-o", out.toString(), "--date", "2021-09-01");
        try (ZipFile zip = new ZipFile(out.resolve("杭州市.zip").toFile())) {
            assertThat(zip.getEntry("杭州市/data/杭州市教育局推荐函.pdf")).isNotNull();
        }
    }

    @Test
    void strayMaterialIsAnErrorAndOtherFilesStayWarnings() throws IOException {
        Province p = compliant();
        Path li = p.category("杭州市", Province.STAR).resolve("02-李建国");
        Files.copy(li.resolve("推荐表.docx"), li.resolve("附件.docx"));
        Files.writeString(li.resolve("备注.txt"), "请尽快处理");
        Files.createDirectories(li.resolve("照片"));
        Docs.jpeg(li.resolve("照片/活动.jpg"), 1280, 960, true);
        Files.copy(li.resolve("推荐表.docx"), p.root().resolve("推荐表.docx"));
        Files.writeString(p.unit("杭州市").resolve("desktop.lnk"), "x");
        ValidationResult r = Runs.validate(p.root());
        assertThat(rule(r, "layout.unplaced")).extracting(Finding::file).containsExactlyInAnyOrder(
                "杭州市/百姓学习之星/02-李建国/附件.docx", "杭州市/百姓学习之星/02-李建国/照片", "推荐表.docx");
        assertThat(rule(r, "layout.unknown-file")).extracting(Finding::file).containsExactlyInAnyOrder(
                "杭州市/百姓学习之星/02-李建国/备注.txt", "杭州市/desktop.lnk");
        assertThat(rule(r, "layout.unknown-file")).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void noFixSaysToDeleteMaterial() throws IOException {
        Province p = compliant();
        Path li = p.category("杭州市", Province.STAR).resolve("02-李建国");
        Docs.jpeg(li.resolve("生活照2.jpg"), 1280, 960, true);
        Files.copy(li.resolve("推荐表.docx"), li.resolve("附件.docx"));
        Files.write(li.resolve("视频.mp4"), new zjlearn.probe.video.Mp4Builder().build());
        Files.createDirectories(li.resolve("其他"));
        Files.writeString(li.resolve("其他/说明.pdf"), "%PDF-1.4\n%%EOF\n");
        for (String name : List.of("赵一", "钱二", "孙三", "周四", "吴五")) {
            p.star("宁波市", name).write();
        }
        ValidationResult r = Runs.validate(p.root());
        assertThat(r.findings()).filteredOn(f -> f.rule() != Rule.LAYOUT_TEMP_FILE)
                .allSatisfy(f -> assertThat(f.fix() == null ? "" : f.fix().render(Locale.SIMPLIFIED_CHINESE))
                        .as(f.rule().id()).doesNotContain("删除").doesNotContain("删去"))
                .allSatisfy(f -> assertThat(f.fix() == null ? "" : f.fix().render(Locale.ENGLISH))
                        .as(f.rule().id()).doesNotContain("delete"));
    }

    @Test
    void namesClerksUseForTheIdPhotoAndTheForms() throws IOException {
        Province p = compliant();
        Path li = p.category("杭州市", Province.STAR).resolve("02-李建国");
        Files.move(li.resolve("证件照.jpg"), li.resolve("李建国2寸照.jpg"));
        Files.move(li.resolve("推荐表.docx"), li.resolve("附件1 推荐表(1).docx"));
        Path zhao = p.category("宁波市", Province.STAR).resolve("01-赵志刚");
        Files.move(zhao.resolve("证件照.jpg"), zhao.resolve("二寸免冠.jpg"));
        Files.move(zhao.resolve("推荐登记表.docx"), zhao.resolve("赵志刚-登记表.docx"));
        ValidationResult r = Runs.validate(p.root());
        assertThat(describe(r)).isEmpty();
        zjlearn.rules.Vocabulary words = r.validation().vocabulary();
        for (String name : List.of("2寸.jpg", "二寸照.jpg", "寸照.png", "免冠照片.jpg", "登记照.jpg", "小二寸.jpg")) {
            assertThat(words.roleByName(name)).as(name).contains("id-photo");
        }
        assertThat(words.roleByName("生活照.jpg")).contains("photo");
    }

    @Test
    void aFixNeverLeadsToTheNextError() throws IOException {
        Province p = compliant();
        Path li = p.category("杭州市", Province.STAR).resolve("02-李建国");
        // an iPhone photo named .jpg: the advice names an accepted format, never "rename it .heic"
        byte[] heic = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'};
        Files.write(li.resolve("生活照.jpg"), heic);
        ValidationResult r = Runs.validate(p.root());
        assertThat(r.findings()).filteredOn(f -> f.file() != null && f.file().endsWith("生活照.jpg")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.fix().render(Locale.SIMPLIFIED_CHINESE)).contains(".jpg")
                        .contains("替换原来的文件").doesNotContain("改为 .heic"));
    }
}
