package zjlearn.probe;

import java.util.List;
import java.util.Locale;

/** A file's real type, decided from its content, never from its name. */
public enum FileType {
    DOCX("docx", "Word 文档 (.docx)", "Word document (.docx)", List.of("docx")),
    DOC("doc", "Word 97-2003 文档 (.doc)", "Word 97-2003 document (.doc)", List.of("doc")),
    XLSX("xlsx", "Excel 工作簿 (.xlsx)", "Excel workbook (.xlsx)", List.of("xlsx")),
    XLS("xls", "Excel 97-2003 工作簿 (.xls)", "Excel 97-2003 workbook (.xls)", List.of("xls")),
    /** An OOXML or OLE2 Office file protected by a password: which of Word/Excel it is cannot be read. */
    ENCRYPTED_OFFICE("encrypted-office", "加密的 Office 文件", "password-protected Office file", List.of()),
    PDF("pdf", "PDF 文档", "PDF document", List.of("pdf")),
    TXT("txt", "纯文本", "plain text", List.of("txt")),
    HTML("html", "网页 (HTML)", "web page (HTML)", List.of("html", "htm")),
    RTF("rtf", "RTF 文档", "RTF document", List.of("rtf")),
    ODT("odt", "OpenDocument 文本 (.odt)", "OpenDocument text (.odt)", List.of("odt")),
    ODS("ods", "OpenDocument 表格 (.ods)", "OpenDocument spreadsheet (.ods)", List.of("ods")),
    WPS("wps", "WPS 文档", "WPS document", List.of("wps", "et")),
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
