package zjlearn.rules;

import java.util.Locale;
import java.util.Map;

/** What each rule id means, for {@code zjlearn rules list}. */
public final class RuleMeanings {
    private static final Map<String, String[]> MEANINGS = Map.ofEntries(
            Map.entry("layout.unknown-file", new String[] {"不可能是报送材料的文件（不是文档、图片、视频或压缩包）、空文件夹或快捷方式，不打包", "a file that cannot be material, an empty folder or a link; never packaged"}),
            Map.entry("layout.unplaced", new String[] {"可能是材料的文件或文件夹不在约定位置（缺少类别一级、放在单位文件夹中的登记表、多出的子文件夹、无法判断是哪项材料的文档……），没有检查或不会打包", "a file or folder that may hold material is not where the convention expects it; not checked or not packaged"}),
            Map.entry("layout.archive", new String[] {"压缩包（.zip/.7z/.rar）放在材料中：其中的材料没有检查，也不会打包，请解压", "an archive where material is expected: its content was neither checked nor packaged"}),
            Map.entry("layout.duplicate-version", new String[] {"同一单位、类别或推荐对象有两个版本的文件夹（如“（修改版）”“副本”），只检查了一个，两者都不打包", "two versions of one unit, category or submission; only one checked, neither packaged"}),
            Map.entry("layout.nested-folder", new String[] {"文件夹多套了一层（如 杭州市/杭州市/），已按去掉一层读取", "a folder wrapped in one more (杭州市/杭州市/); read as if unwrapped"}),
            Map.entry("layout.national-misplaced", new String[] {"推荐全国的照片和视频没有放在“全国推荐材料”文件夹中", "national photos and video outside the national folder"}),
            Map.entry("layout.temp-file", new String[] {"系统或编辑软件的临时文件（~$、Thumbs.db、.DS_Store、__MACOSX），不打包", "system or editor leftovers, never packaged"}),
            Map.entry("layout.unknown-unit", new String[] {"文件夹名不是规定的推荐单位", "folder name is no known unit"}),
            Map.entry("layout.empty", new String[] {"单位、类别或推荐对象文件夹是空的", "empty unit, category or submission folder"}),
            Map.entry("file.type-mismatch", new String[] {"扩展名与实际格式不符（如 .doc 实为 .docx、.jpg 实为 HEIC）", "extension disagrees with the real content"}),
            Map.entry("file.type-not-allowed", new String[] {"该材料不接受这种实际格式", "real type not accepted for that role"}),
            Map.entry("file.unreadable", new String[] {"文件损坏、不完整或无法读取", "corrupt, truncated or unreadable"}),
            Map.entry("file.encrypted", new String[] {"文件设置了密码", "password-protected"}),
            Map.entry("file.missing-end", new String[] {"照片能完整显示，但文件末尾缺少结束标记（可能复制时丢了最后几个字节）", "photo displays whole but lacks its end marker"}),
            Map.entry("image.screenshot", new String[] {"照片像是手机截屏，不是拍摄的原图（文件名或屏幕尺寸，见 rules.yaml 的 images.screenshot）", "photo looks like a phone screenshot, not an original"}),
            Map.entry("file.empty", new String[] {"文件为 0 字节", "zero bytes"}),
            Map.entry("file.too-large", new String[] {"文件超过该材料的大小上限（rules.yaml 的 limits），未读取", "file over its role's size limit; not read"}),
            Map.entry("archive.unsafe-entry", new String[] {"压缩包中的条目路径指向包外（../、绝对路径、盘符）或重名，未读取", "archive entry leading out of the archive (../, absolute, drive letter) or named twice; not read"}),
            Map.entry("archive.too-large", new String[] {"压缩包条目过多、解压后过大或压缩比过高（压缩炸弹），未读取（上限见 rules.yaml 的 limits.archives）", "archive with too many entries, too large unpacked, or compressed too far (zip bomb); not read"}),
            Map.entry("archive.nested", new String[] {"压缩包中套的压缩包层数超过上限，未读取", "archives nested deeper than the limit; not read"}),
            Map.entry("files.too-many", new String[] {"推荐对象文件夹中的文件过多，只检查了前面的文件", "too many files in a submission; only the first were checked"}),
            Map.entry("files.count", new String[] {"某项材料的份数太少或太多（缺推荐表、照片不是 2 张……）", "too few or too many files of a role"}),
            Map.entry("form.field-missing", new String[] {"表格缺少必填栏目或栏目未填写", "required form field absent or empty"}),
            Map.entry("form.field-invalid", new String[] {"栏目内容不符合格式（日期、电话、身份证号、选项……）", "field value fails its type, pattern or choices"}),
            Map.entry("text.length", new String[] {"工作总结字数不在要求范围内", "summary outside its length bounds"}),
            Map.entry("image.not-id-photo", new String[] {"证件照显然不是证件照（横版或极小，界限见 rules.yaml 的 images.idPhoto.clearlyNot）",
                    "the ID photo is clearly not one (landscape or tiny; limits in images.idPhoto.clearlyNot)"}),
            Map.entry("image.resolution", new String[] {"照片像素偏少（通知未规定像素，为提示）", "image has few pixels (the notice sets none: a hint)"}),
            Map.entry("image.aspect", new String[] {"证件照不是二寸竖版比例（通知未规定像素比例，为提示）", "ID photo not of the 2-inch portrait proportions (a hint)"}),
            Map.entry("image.grayscale", new String[] {"证件照不是彩色", "ID photo not in colour"}),
            Map.entry("video.container", new String[] {"视频不是 MP4 格式", "video is not an ISO MP4 file"}),
            Map.entry("video.codec", new String[] {"视频编码不是 H.264", "video codec is not H.264"}),
            Map.entry("video.resolution", new String[] {"视频显示分辨率不符合规定", "displayed resolution is not the required one"}),
            Map.entry("video.scan", new String[] {"视频是隔行扫描（应为逐行 720P）", "interlaced video (720P is progressive)"}),
            Map.entry("video.fps", new String[] {"视频帧率不是规定的恒定帧率", "frame rate is not the required constant rate"}),
            Map.entry("video.duration", new String[] {"视频时长不在规定范围", "duration outside the required range"}),
            Map.entry("video.audio", new String[] {"视频没有声音", "video has no audio track"}),
            Map.entry("quota.exceeded", new String[] {"单位推荐数量超过名额", "a unit sent more than its quota"}),
            Map.entry("eligibility.cadre", new String[] {"职务显示可能是县处级以上领导干部", "post suggests a county/division-level or higher leader"}),
            Map.entry("eligibility.previous-winner", new String[] {"往年已被认定推介（按身份证号码或名称加单位确认）", "recognised in an earlier year (matched by ID number, or name and unit)"}),
            Map.entry("eligibility.previous-winner-name", new String[] {"与往年认定名单中的名称相同，但无法确认是同一人或同一项目（同名，请核实）",
                    "same name as an earlier recognition, but not certainly the same (please verify)"}),
            Map.entry("eligibility.participants", new String[] {"项目年参与人数或人次不足", "too few participants per year"}),
            Map.entry("eligibility.project-age", new String[] {"项目创建不满规定年限", "project younger than required"}),
            Map.entry("eligibility.project-name", new String[] {"项目名称就是申报单位或推荐单位的名称", "project name is the applicant's or a unit's own name"}),
            Map.entry("eligibility.project-name-suffix", new String[] {"项目名称以“学院”“中心”等结尾，可能是单位名称，请核实", "project name ends like a unit's name; please check"}),
            Map.entry("consistency.name-mismatch", new String[] {"表格之间或表格与文件夹名不一致", "forms disagree with each other or with the folder name"}),
            Map.entry("consistency.registration-list", new String[] {"推荐登记表与推荐对象文件夹对不上", "the list form and the folders disagree"}),
            Map.entry("consistency.duplicate", new String[] {"同一推荐对象重复报送（身份证号码相同，或项目名称和申报单位都相同）", "the same nominee or project sent twice (same ID number, or same project and applicant)"}),
            Map.entry("consistency.duplicate-name", new String[] {"不同文件夹中的推荐对象同名，但无法确认是同一人或同一项目，请核实", "two submissions share a name but are not certainly the same; please verify"}),
            Map.entry("consistency.unit-mismatch", new String[] {"表格写的推荐单位是另一个单位", "a form names another unit"}),
            Map.entry("check.not-run", new String[] {"某项检查无法进行（说明原因，而不是当作通过）", "a check could not run (said, not passed silently)"}));

    private RuleMeanings() {
    }

    public static String meaning(String id, Locale locale) {
        String[] m = MEANINGS.get(id);
        if (m == null) {
            return "";
        }
        return "en".equals(locale.getLanguage()) ? m[1] : m[0];
    }
}
