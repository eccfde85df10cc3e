package zjlearn.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.testing.Docs;
import zjlearn.testing.Province;
import zjlearn.testing.Trees;
import zjlearn.testing.Cli.Run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;

import static zjlearn.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zjlearn package} end to end on one province: what goes into each archive and what stays
 * out, the bag checked by independent readers, the workbook, the report, reproducibility, and the
 * refusals that protect the input and earlier outputs.
 */
class PackageCommandTest {
    @TempDir
    static Path tmp;

    static Path root;
    static Path out;
    static Run first;
    static Map<String, String> inputBefore;

    @BeforeAll
    static void packageAProvince() throws IOException {
        Province p = new Province(tmp.resolve("全省材料"));
        // 杭州市: a compliant star with a Word lock file and an unrecognised note beside her forms (warnings),
        // a star with an empty phone number (rejected), a compliant project.
        Path zhang = p.star("杭州市", "张三").folder("01-张三").write();
        Files.writeString(zhang.resolve("~$推荐表.docx"), "Word lock file");
        Files.writeString(zhang.resolve("备注.txt"), "请尽快处理");
        p.star("杭州市", "李四").folder("02-李四").set("联系电话", "").write();
        p.project("杭州市", "共富夜校").folder("01-共富夜校").write();
        // 宁波市: a project recommended to the national level (3 photos and a video).
        Path night = p.project("宁波市", "银龄数字课堂").write();
        national(night);
        // 嘉兴市: four stars where the quota is three, and a compliant project.
        for (String name : List.of("赵一", "钱二", "孙三", "周四")) {
            p.star("嘉兴市", name).write();
        }
        p.project("嘉兴市", "乡村夜读").write();
        // 湖州市: nothing packageable.
        p.star("湖州市", "王五").set("性别", "未知").write();
        root = p.root();
        inputBefore = Trees.fingerprint(root);
        out = tmp.resolve("打包结果");
        first = run("package", root.toString(), "-o", out.toString(), "--date", "2021-09-01");
    }

    static void national(Path submission) throws IOException {
        national(submission, 300_000);
    }

    /** Three photos and a compliant video of about {@code videoBytes} (its sample data is zeros). */
    static void national(Path submission, int videoBytes) throws IOException {
        Path dir = Files.createDirectories(submission.resolve("全国推荐材料"));
        for (int i = 1; i <= 3; i++) {
            Docs.jpeg(dir.resolve("照片" + i + ".jpg"), 1280, 960, true);
        }
        zjlearn.probe.video.Mp4Builder video = new zjlearn.probe.video.Mp4Builder();
        video.sampleSize = Math.max(4, videoBytes / video.frames);
        Files.write(dir.resolve("视频.mp4"), video.build());
    }

    static List<String> names(Path zip) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            List<String> names = new ArrayList<>();
            z.getEntries().asIterator().forEachRemaining(e -> names.add(e.getName()));
            return names;
        }
    }

    static String entryText(Path zip, String name) throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(zip).get(); InputStream in = z.getInputStream(z.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesOneArchivePerUnitWithSomethingAcceptedAndExitsOneForWhatWasLeftOut() throws IOException {
        assertThat(first.code()).as(first.err()).isEqualTo(1);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("杭州市.zip", "宁波市.zip", "嘉兴市.zip", "汇总表.xlsx", "report.json", "report.html");
        }
        assertThat(first.out()).contains("zjlearn 打包结果").contains("杭州市.zip").contains("湖州市")
                .contains("—（没有可打包的推荐对象）")
                .contains("杭州市/百姓学习之星/02-李四  不通过")
                .contains("“联系电话”一栏没有填写").contains("[form.field-missing")
                .contains("修改：在“联系电话”右侧的格子里填写内容")
                .contains("嘉兴市/百姓学习之星/赵一  超额未打包")
                .contains("修改：由本单位择优确定，把 1 个推荐对象的文件夹移出报送文件夹")
                .contains("压缩包校验值（SHA-256）");
        assertThat(first.err()).contains("正在检查").contains("[1/3] 正在写入 杭州市.zip").contains("完成");
    }

    @Test
    void theArchiveIsABagOfTheAcceptedSubmissionsUnderTheUnitsFolder() throws IOException {
        List<String> names = names(out.resolve("杭州市.zip"));
        assertThat(names).allMatch(n -> n.startsWith("杭州市/"));
        assertThat(names).contains("杭州市/bagit.txt", "杭州市/bag-info.txt", "杭州市/manifest-sha256.txt",
                "杭州市/tagmanifest-sha256.txt", "杭州市/report.json", "杭州市/report.txt", "杭州市/report.html",
                "杭州市/data/百姓学习之星/01-张三/推荐表.docx", "杭州市/data/百姓学习之星/01-张三/证件照.jpg",
                "杭州市/data/终身学习品牌项目/01-共富夜校/工作总结.docx");
        assertThat(names).noneMatch(n -> n.contains("李四")).noneMatch(n -> n.contains("~$"))
                .noneMatch(n -> n.contains("备注.txt"));
        assertThat(names).isSorted();
        assertThat(names(out.resolve("宁波市.zip")))
                .contains("宁波市/data/终身学习品牌项目/银龄数字课堂/全国推荐材料/视频.mp4");

        assertThat(entryText(out.resolve("杭州市.zip"), "杭州市/bagit.txt"))
                .isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        String info = entryText(out.resolve("杭州市.zip"), "杭州市/bag-info.txt");
        assertThat(info).contains("Source-Organization: 杭州市\n").contains("Bagging-Date: 2021-09-01\n")
                .contains("External-Description: 2021年浙江省“百姓学习之星”“终身学习品牌项目”征集")
                .contains("Accepted-Submissions: 2\n").contains("Rejected-Submissions: 1\n")
                .contains("Accepted-Submissions-Star: 1\n").contains("Rejected-Submissions-Star: 1\n")
                .contains("Accepted-Submissions-Project: 1\n").containsPattern("Payload-Oxum: \\d+\\.\\d+\n");
        assertThat(info.lines()).allMatch(l -> l.substring(0, l.indexOf(':')).chars().allMatch(c -> c < 128));
        String tags = entryText(out.resolve("杭州市.zip"), "杭州市/tagmanifest-sha256.txt");
        assertThat(tags.lines().map(l -> l.substring(l.indexOf("  ") + 2)))
                .containsExactly("bag-info.txt", "bagit.txt", "manifest-sha256.txt", "report.html", "report.json", "report.txt");
        JsonNode report = new ObjectMapper().readTree(entryText(out.resolve("杭州市.zip"), "杭州市/report.json"));
        assertThat(report.get("schema").asText()).isEqualTo("zjlearn-report/1");
        assertThat(report.get("submissions")).hasSize(3).allMatch(s -> s.get("unit").asText().equals("杭州市"));
        assertThat(report.at("/package/units/0/rejected/0/path").asText()).isEqualTo("杭州市/百姓学习之星/02-李四");
        assertThat(report.get("root").asText()).isEqualTo("全省材料");
    }

    @Test
    void entriesAreUtf8FlaggedWithFixedTimesAndModesMediaStoredDocumentsDeflated() throws IOException {
        try (ZipFile z = ZipFile.builder().setPath(out.resolve("宁波市.zip")).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                assertThat(e.getGeneralPurposeBit().usesUTF8ForNames()).as(e.getName()).isTrue();
                // payload files are streamed: their CRC and sizes follow the data; tag files and folders are not
                boolean payload = e.getName().contains("/data/") && !e.isDirectory();
                assertThat(e.getGeneralPurposeBit().usesDataDescriptor()).as(e.getName()).isEqualTo(payload);
                assertThat(e.getExtraFields(true)).as(e.getName()).isEmpty();
                assertThat(e.getCentralDirectoryExtra()).as(e.getName()).isEmpty();
                assertThat(LocalDateTime.ofInstant(e.getLastModifiedTime().toInstant(), TimeZone.getDefault().toZoneId()))
                        .isEqualTo(LocalDateTime.of(2021, 9, 1, 12, 0));
                assertThat(e.getUnixMode()).isEqualTo(e.isDirectory() ? 040755 : 0100644);
                String name = e.getName();
                if (name.endsWith(".jpg") || name.endsWith(".mp4")) {
                    assertThat(e.getMethod()).as(name).isEqualTo(ZipArchiveEntry.STORED);
                } else if (!e.isDirectory()) {
                    assertThat(e.getMethod()).as(name).isEqualTo(ZipArchiveEntry.DEFLATED);
                }
            }
        }
    }

    @Test
    void independentToolsAcceptTheBags() throws Exception {
        for (String unit : List.of("杭州市", "宁波市", "嘉兴市")) {
            Path zip = out.resolve(unit + ".zip");
            Path unpacked = Trees.unzip(zip, Files.createDirectories(tmp.resolve("unpacked-" + unit)));
            Path bagDir = unpacked.resolve(unit);
            // The Library of Congress's BagIt library: structure, Payload-Oxum, completeness, every checksum.
            gov.loc.repository.bagit.domain.Bag bag = new gov.loc.repository.bagit.reader.BagReader().read(bagDir);
            gov.loc.repository.bagit.verify.BagVerifier.quicklyVerify(bag);
            try (gov.loc.repository.bagit.verify.BagVerifier verifier = new gov.loc.repository.bagit.verify.BagVerifier()) {
                verifier.isValid(bag, false);
            }
            assertThat(bag.getVersion().toString()).isEqualTo("1.0");
            // coreutils on the manifests
            if (Trees.installed("sha256sum")) {
                Map.Entry<Integer, String> sums = Trees.exec(List.of("sh", "-c",
                        "cd '" + bagDir + "' && sha256sum -c --strict manifest-sha256.txt && sha256sum -c --strict tagmanifest-sha256.txt"));
                assertThat(sums.getKey()).as(sums.getValue()).isZero();
            }
            // and zjlearn's own verify on both forms
            assertThat(BagVerifier.verify(zip, false).problems()).isEmpty();
            assertThat(BagVerifier.verify(bagDir, false).problems()).isEmpty();
        }
    }

    @Test
    void unzipTestsTheArchives() {
        Assumptions.assumeTrue(Trees.installed("unzip"),
                "unzip is not installed (Debian: apt-get install -y unzip); `unzip -t` not run");
        for (String unit : List.of("杭州市", "宁波市", "嘉兴市")) {
            Map.Entry<Integer, String> r = Trees.exec(List.of("unzip", "-t", out.resolve(unit + ".zip").toString()));
            assertThat(r.getKey()).as(r.getValue()).isZero();
            assertThat(r.getValue()).contains("No errors detected").contains(unit + "/data/");
        }
    }

    @Test
    void pythonBagitAcceptsTheBagsWhenInstalled() {
        boolean bagit = Trees.installed("python3")
                && Trees.exec(List.of("python3", "-c", "import bagit")).getKey() == 0;
        Assumptions.assumeTrue(bagit, "python3-bagit is not installed (Debian: apt-get install -y python3-bagit); "
                + "the bags are checked with the Library of Congress's Java BagIt library instead");
        Path unpacked = Trees.unzip(out.resolve("杭州市.zip"), tmp.resolve("unpacked-python"));
        Map.Entry<Integer, String> r = Trees.exec(List.of("python3", "-c",
                "import bagit, sys; bagit.Bag(sys.argv[1]).validate()", unpacked.resolve("杭州市").toString()));
        assertThat(r.getKey()).as(r.getValue()).isZero();
    }

    @Test
    void aCategoryOverQuotaIsLeftOutWhole() throws IOException {
        List<String> names = names(out.resolve("嘉兴市.zip"));
        assertThat(names).contains("嘉兴市/data/终身学习品牌项目/乡村夜读/推荐表.docx");
        assertThat(names).noneMatch(n -> n.contains("百姓学习之星"));
        String info = entryText(out.resolve("嘉兴市.zip"), "嘉兴市/bag-info.txt");
        assertThat(info).contains("Over-Quota-Submissions-Star: 4\n")
                .contains("Over-Quota: 嘉兴市“百姓学习之星”推荐了 4 个，超过名额 3 个（钱二、孙三、赵一、周四）");
    }

    @Test
    void theReportListsEachArchiveWithItsChecksumAndEveryRejectWithReasons() throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("schema").asText()).isEqualTo("zjlearn-report/1");
        assertThat(report.at("/summary/submissions").asInt()).isEqualTo(10);
        JsonNode pack = report.get("package");
        assertThat(pack.at("/summary/accepted").asInt()).isEqualTo(4);
        assertThat(pack.at("/summary/rejected").asInt()).isEqualTo(2);
        assertThat(pack.at("/summary/overQuota").asInt()).isEqualTo(4);
        JsonNode hangzhou = pack.at("/units/0");
        assertThat(hangzhou.get("unit").asText()).isEqualTo("杭州市");
        assertThat(hangzhou.get("archive").asText()).isEqualTo("杭州市.zip");
        assertThat(hangzhou.get("sha256").asText()).isEqualTo(Trees.sha256(out.resolve("杭州市.zip")));
        assertThat(hangzhou.get("size").asLong()).isEqualTo(Files.size(out.resolve("杭州市.zip")));
        assertThat(hangzhou.get("baggingDate").asText()).isEqualTo("2021-09-01");
        assertThat(hangzhou.get("accepted")).extracting(n -> n.get("path").asText())
                .containsExactly("杭州市/百姓学习之星/01-张三", "杭州市/终身学习品牌项目/01-共富夜校");
        JsonNode li = hangzhou.at("/rejected/0");
        assertThat(li.get("path").asText()).isEqualTo("杭州市/百姓学习之星/02-李四");
        assertThat(li.get("status").asText()).isEqualTo("rejected");
        assertThat(li.get("reason").asText()).contains("联系电话");
        assertThat(li.get("fix").asText()).contains("填写内容");
        assertThat(li.get("rules")).extracting(JsonNode::asText).contains("form.field-missing");
        JsonNode jiaxing = pack.at("/units/2");
        assertThat(jiaxing.get("unit").asText()).isEqualTo("嘉兴市");
        assertThat(jiaxing.at("/rejected/0/status").asText()).isEqualTo("over-quota");
        assertThat(jiaxing.at("/rejected/0/rules/0").asText()).isEqualTo("quota.exceeded");
        assertThat(jiaxing.at("/excluded/0").asText()).contains("超过名额 3 个");
        JsonNode huzhou = pack.at("/units/3");
        assertThat(huzhou.get("unit").asText()).isEqualTo("湖州市");
        assertThat(huzhou.get("packaged").asBoolean()).isFalse();
        assertThat(huzhou.get("archive").isNull()).isTrue();
    }

    @Test
    void theWorkbookListsEverySubmissionPerCategory() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(out.resolve("汇总表.xlsx").toFile())) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet stars = wb.getSheet("百姓学习之星");
            XSSFSheet projects = wb.getSheet("终身学习品牌项目");
            assertThat(cells(stars.getRow(0))).containsExactly("序号", "单位", "名称", "性别", "出生年月", "工作单位及职务",
                    "联系电话", "推荐全国", "状态", "错误数", "警告数", "首要问题");
            assertThat(cells(projects.getRow(0))).containsExactly("序号", "单位", "名称", "申报单位", "创建时间", "年参与人数",
                    "年参与人次", "推荐全国", "状态", "错误数", "警告数", "首要问题");
            assertThat(stars.getLastRowNum()).isEqualTo(7);
            assertThat(cells(stars.getRow(1))).startsWith("1", "杭州市", "张三", "女", "1968年5月", "社区老年学校学员",
                    "13812345678", "否", "通过", "0", "2");
            assertThat(cells(stars.getRow(2))).startsWith("2", "杭州市", "李四").contains("不通过");
            assertThat(cells(stars.getRow(3))).startsWith("3", "嘉兴市", "钱二").contains("超额未打包");
            assertThat(cells(stars.getRow(2)).get(11)).contains("联系电话");
            assertThat(cells(projects.getRow(2))).startsWith("2", "宁波市", "银龄数字课堂", "宁波市社区学院", "2016年9月",
                    "3500人", "12000人次", "是", "通过");

            XSSFCellStyle header = stars.getRow(0).getCell(0).getCellStyle();
            assertThat(header.getFont().getBold()).isTrue();
            assertThat(header.getFont().getFontName()).isEqualTo("宋体");
            assertThat(stars.getRow(1).getCell(2).getCellStyle().getFont().getFontName()).isEqualTo("宋体");
            assertThat(stars.getPaneInformation().isFreezePane()).isTrue();
            assertThat(stars.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(stars.getPrintSetup().getLandscape()).isTrue();
            assertThat(stars.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(stars.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            assertThat(stars.getColumnWidth(5)).isGreaterThan(stars.getColumnWidth(0));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(c -> values.add(switch (c.getCellType()) {
            case NUMERIC -> String.valueOf((long) c.getNumericCellValue());
            default -> c.getStringCellValue();
        }));
        return values;
    }

    @Test
    void identicalInputGivesByteIdenticalArchivesWhereverItLiesAndWhateverTheTimeZone() throws IOException {
        Path again = tmp.resolve("again");
        assertThat(run("package", root.toString(), "-o", again.toString(), "--date", "2021-09-01").code()).isEqualTo(1);
        Path copy = tmp.resolve("elsewhere").resolve("全省材料");
        copyTree(root, copy);
        Path elsewhere = tmp.resolve("elsewhere-out");
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertThat(run("package", copy.toString(), "-o", elsewhere.toString(), "--date", "2021-09-01").code()).isEqualTo(1);
        } finally {
            TimeZone.setDefault(zone);
        }
        for (String unit : List.of("杭州市", "宁波市", "嘉兴市")) {
            byte[] a = Files.readAllBytes(out.resolve(unit + ".zip"));
            assertThat(Files.readAllBytes(again.resolve(unit + ".zip"))).as(unit).isEqualTo(a);
            assertThat(Files.readAllBytes(elsewhere.resolve(unit + ".zip"))).as(unit + " elsewhere").isEqualTo(a);
        }
    }

    @Test
    void withoutDateTheBaggingDateIsTheNewestModificationDayOfTheUnitsFiles() throws IOException {
        Path unit = tmp.resolve("dated").resolve("杭州市");
        copyTree(root.resolve("杭州市"), unit);
        try (Stream<Path> files = Files.walk(unit)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(
                        LocalDateTime.of(2021, 8, 20, 9, 0).toInstant(Packager.CHINA)));
            }
        }
        Files.setLastModifiedTime(unit.resolve("百姓学习之星/01-张三/推荐表.docx"), java.nio.file.attribute.FileTime.from(
                LocalDateTime.of(2021, 8, 30, 23, 30).toInstant(Packager.CHINA)));
        Path dated = tmp.resolve("dated-out");
        Run r = run("package", unit.toString(), "-o", dated.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(entryText(dated.resolve("杭州市.zip"), "杭州市/bag-info.txt")).contains("Bagging-Date: 2021-08-30\n");
        assertThat(names(dated.resolve("杭州市.zip"))).contains("杭州市/data/百姓学习之星/01-张三/推荐表.docx");
    }

    @Test
    void theInputIsNeverModified() {
        Path elsewhere = tmp.resolve("input-check");
        run("package", root.toString(), "-o", elsewhere.toString(), "--date", "2021-09-01");
        run("package", root.toString(), "-o", elsewhere.toString(), "--force");
        assertThat(Trees.fingerprint(root)).isEqualTo(inputBefore);
    }

    @Test
    void existingOutputsAreNotOverwrittenWithoutForce() throws IOException {
        Path dir = tmp.resolve("overwrite");
        assertThat(run("package", root.toString(), "-o", dir.toString(), "--date", "2021-09-01").code()).isEqualTo(1);
        String before = Trees.sha256(dir.resolve("杭州市.zip"));
        Files.writeString(dir.resolve("湖州市.zip"), "an archive from an earlier run");

        Run refused = run("package", root.toString(), "-o", dir.toString(), "--date", "2021-09-02");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("杭州市.zip").contains("--force");
        assertThat(refused.out()).isEmpty();
        assertThat(Trees.sha256(dir.resolve("杭州市.zip"))).isEqualTo(before);

        Run forced = run("package", root.toString(), "-o", dir.toString(), "--date", "2021-09-02", "--force");
        assertThat(forced.code()).isEqualTo(1);
        assertThat(entryText(dir.resolve("杭州市.zip"), "杭州市/bag-info.txt")).contains("Bagging-Date: 2021-09-02");
        assertThat(dir.resolve("湖州市.zip")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void theOutputMayNotLieInsideTheInput() {
        Path inside = root.resolve("杭州市").resolve("打包");
        Run r = run("package", root.toString(), "-o", inside.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("在输入文件夹");
        assertThat(inside).doesNotExist();
        assertThat(run("package", root.toString(), "-o", root.toString()).code()).isEqualTo(2);
    }

    @Test
    void onlyAProvinceOrAUnitCanBePackaged() {
        Run r = run("package", root.resolve("杭州市/百姓学习之星").toString(), "-o", tmp.resolve("cat").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("全省根目录或一个单位的文件夹");
        assertThat(tmp.resolve("cat")).doesNotExist();
        assertThat(run("package", root.toString()).code()).as("-o is required").isEqualTo(2);
    }

    @Test
    void nothingToCheckExitsThree() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("空"));
        assertThat(run("package", empty.toString(), "-o", tmp.resolve("空-out").toString()).code()).isEqualTo(3);
    }

    @Test
    void aDryRunWritesNothingAndShowsWhatWouldBePackaged() {
        Path dir = tmp.resolve("dry");
        Run r = run("package", root.toString(), "-o", dir.toString(), "--dry-run");
        assertThat(r.code()).isEqualTo(1);
        assertThat(dir).doesNotExist();
        assertThat(r.out()).contains("试运行").contains("杭州市.zip 将包含：")
                .contains("杭州市/data/百姓学习之星/01-张三/推荐表.docx")
                .doesNotContain("压缩包校验值");
    }

    @Test
    void strictLeavesOutSubmissionsWithWarnings() {
        Run r = run("package", root.toString(), "-o", tmp.resolve("strict").toString(), "--dry-run", "--strict");
        assertThat(r.out()).contains("杭州市/百姓学习之星/01-张三  不通过").contains("layout.unknown-file")
                .doesNotContain("杭州市/data/百姓学习之星/01-张三/推荐表.docx");
    }

    @Test
    void englishOnRequest() {
        Run r = run("package", root.toString(), "-o", tmp.resolve("en").toString(), "--dry-run", "--lang", "en");
        assertThat(r.out()).contains("zjlearn package").contains("Not packaged").contains("over quota, not packaged");
    }

    @Test
    void aUnitFolderAloneCanBePackaged() throws IOException {
        Path dir = tmp.resolve("unit-only");
        Run r = run("package", root.resolve("宁波市").toString(), "-o", dir.toString(), "--date", "2021-09-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(dir.resolve("宁波市.zip"))).contains("宁波市/data/终身学习品牌项目/银龄数字课堂/推荐表.docx");
        assertThat(entryText(dir.resolve("宁波市.zip"), "宁波市/manifest-sha256.txt"))
                .as("the same payload as from the province root")
                .isEqualTo(entryText(out.resolve("宁波市.zip"), "宁波市/manifest-sha256.txt"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void theDateOptionIsValidated() {
        assertThat(run("package", root.toString(), "-o", tmp.resolve("d").toString(), "--date", "2021-13-01").code())
                .isEqualTo(2);
        assertThat(run("package", root.toString(), "-o", tmp.resolve("d").toString(), "--date", "2021-13-01").err())
                .contains("2021-13-01");
    }
}
