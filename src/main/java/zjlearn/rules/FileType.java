package zjlearn.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A file's real type, decided from its content, never from its name. */
public enum FileType {
    DOCX("docx", "Word 文档 (.docx)", "Word document (.docx)", List.of("docx")),
    DOC("doc", "Word 97-2003 文档 (.doc)", "Word 97-2003 document (.doc)", List.of("doc", "wps", "dot", "wpt")),
    /** Word 6.0 or Word 95 (nFib below 106): POI reads its text with HWPFOldDocument, not its tables. */
    DOC_WORD6("doc-word95", "Word 6.0/95 文档（旧格式）", "Word 6.0/95 document (old format)", List.of("doc", "wps")),
    XLSX("xlsx", "Excel 工作簿 (.xlsx)", "Excel workbook (.xlsx)", List.of("xlsx")),
    /** Strict Open XML (ISO/IEC 29500 Strict), which POI cannot read. */
    DOCX_STRICT("docx-strict", "Strict Open XML 文档（.docx 的少见变体）", "Strict Open XML document (a rare .docx variant)",
            List.of("docx")),
    XLSX_STRICT("xlsx-strict", "Strict Open XML 电子表格（.xlsx 的少见变体）", "Strict Open XML spreadsheet (a rare .xlsx variant)",
            List.of("xlsx")),
    /** Word for Windows 2.0 or Windows Write: no library here reads them. */
    DOC_WORD2("doc-word2", "Word 2.0 或 Windows Write 文档（旧格式）", "Word 2.0 or Windows Write document (old format)",
            List.of("doc", "wri")),
    XLS("xls", "Excel 97-2003 工作簿 (.xls)", "Excel 97-2003 workbook (.xls)", List.of("xls", "et", "xlt", "ett")),
    /** Excel 5.0/95 (BIFF5) or Excel 2.x–4.0 (BIFF2–4), which POI's HSSF cannot read. */
    XLS_EXCEL95("xls-excel95", "Excel 5.0/95 或更早的工作簿（旧格式）", "Excel 5.0/95 or older workbook (old format)",
            List.of("xls", "et")),
    /** Excel's binary workbook (.xlsb), which POI's usermodel cannot read. */
    XLSB("xlsb", "Excel 二进制工作簿 (.xlsb)", "Excel binary workbook (.xlsb)", List.of("xlsb")),
    /** An OOXML or OLE2 Office file protected by a password: which of Word/Excel it is cannot be read. */
    ENCRYPTED_OFFICE("encrypted-office", "加密的 Office 文件", "password-protected Office file", List.of()),
    PDF("pdf", "PDF 文档", "PDF document", List.of("pdf")),
    TXT("txt", "纯文本", "plain text", List.of("txt")),
    HTML("html", "网页 (HTML)", "web page (HTML)", List.of("html", "htm")),
    /** A "single file web page" (MHTML), which Word writes and web systems hand out as .doc. */
    MHT("mht", "单个文件网页 (.mht)", "single-file web page (.mht)", List.of("mht", "mhtml")),
    RTF("rtf", "RTF 文档", "RTF document", List.of("rtf")),
    ODT("odt", "OpenDocument 文本 (.odt)", "OpenDocument text (.odt)", List.of("odt")),
    ODS("ods", "OpenDocument 表格 (.ods)", "OpenDocument spreadsheet (.ods)", List.of("ods")),
    /**
     * A .wps/.et file that is not one of the Word/Excel formats WPS usually writes: WPS's (or Microsoft Works')
     * own format. Given by the prober from the name when the content is not recognised.
     */
    WPS("wps", "WPS 专有格式（不是 Word/Excel 兼容格式）", "WPS's own format (not Word/Excel compatible)",
            List.of("wps", "et")),
    JPEG("jpeg", "JPEG 图片", "JPEG image", List.of("jpg", "jpeg")),
    PNG("png", "PNG 图片", "PNG image", List.of("png")),
    HEIC("heic", "HEIC 图片（苹果手机格式）", "HEIC image (iPhone format)", List.of("heic", "heif")),
    WEBP("webp", "WebP 图片", "WebP image", List.of("webp")),
    BMP("bmp", "BMP 图片", "BMP image", List.of("bmp")),
    GIF("gif", "GIF 图片", "GIF image", List.of("gif")),
    TIFF("tiff", "TIFF 图片", "TIFF image", List.of("tif", "tiff")),
    MP4("mp4", "MP4 视频", "MP4 video", List.of("mp4", "m4v")),
    QUICKTIME("mov", "QuickTime 视频 (.mov)", "QuickTime video (.mov)", List.of("mov")),
    MATROSKA("mkv", "Matroska/WebM 视频", "Matroska/WebM video", List.of("mkv", "webm")),
    AVI("avi", "AVI 视频", "AVI video", List.of("avi")),
    ZIP("zip", "ZIP 压缩包", "ZIP archive", List.of("zip")),
    RAR("rar", "RAR 压缩包", "RAR archive", List.of("rar")),
    SEVEN_ZIP("7z", "7z 压缩包", "7z archive", List.of("7z")),
    EMPTY("empty", "空文件", "empty file", List.of()),
    UNKNOWN("unknown", "无法识别的格式", "unrecognised format", List.of());

    /** The types {@code FormReader} reads. */
    public static final Set<FileType> FORMS = Set.of(DOCX, DOC, XLSX, XLS);
    /** The types {@code TextExtractor} reads. */
    public static final Set<FileType> TEXTS = Set.of(DOCX, DOC, DOC_WORD6, PDF, TXT);

    private final String id;
    private final String zh;
    private final String en;
    private final List<String> extensions;

    FileType(String id, String zh, String en, List<String> extensions) {
        this.id = id;
        this.zh = zh;
        this.en = en;
        this.extensions = extensions;
    }

    /** Stable identifier used in rules.yaml and JSON reports (e.g. {@code docx}, {@code jpeg}). */
    public String id() {
        return id;
    }

    public String displayName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }

    /** File-name extensions (lower case, no dot) that honestly name this type. */
    public List<String> extensions() {
        return extensions;
    }

    public boolean matchesExtension(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a file of this type could hold material when its name tells not which: an Office document, a PDF,
     * an image, a video or an archive. Plain text, web pages, empty and unrecognised files are no material.
     */
    public boolean couldHoldMaterial() {
        return switch (this) {
            case TXT, HTML, EMPTY, UNKNOWN -> false;
            default -> true;
        };
    }

    public static FileType fromId(String id) {
        for (FileType t : values()) {
            if (t.id.equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown file type: " + id);
    }
}
