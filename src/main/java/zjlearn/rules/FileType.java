package zjlearn.rules;

import zjlearn.i18n.Bundles;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A file's real type, decided from its content, never from its name. Display names are in {@code filetype_zh|en.properties}. */
public enum FileType {
    DOCX("docx", List.of("docx")),
    DOC("doc", List.of("doc", "wps", "dot", "wpt")),
    /** Word 6.0 or Word 95 (nFib below 106): POI reads its text with HWPFOldDocument, not its tables. */
    DOC_WORD6("doc-word95", List.of("doc", "wps")),
    XLSX("xlsx", List.of("xlsx")),
    /** Strict Open XML (ISO/IEC 29500 Strict), which POI cannot read. */
    DOCX_STRICT("docx-strict", List.of("docx")),
    XLSX_STRICT("xlsx-strict", List.of("xlsx")),
    /** Word for Windows 2.0 or Windows Write: no library here reads them. */
    DOC_WORD2("doc-word2", List.of("doc", "wri")),
    XLS("xls", List.of("xls", "et", "xlt", "ett")),
    /** Excel 5.0/95 (BIFF5) or Excel 2.x–4.0 (BIFF2–4), which POI's HSSF cannot read. */
    XLS_EXCEL95("xls-excel95", List.of("xls", "et")),
    /** Excel's binary workbook (.xlsb), which POI's usermodel cannot read. */
    XLSB("xlsb", List.of("xlsb")),
    /** An OOXML or OLE2 Office file protected by a password: which of Word/Excel it is cannot be read. */
    ENCRYPTED_OFFICE("encrypted-office", List.of()),
    PDF("pdf", List.of("pdf")),
    TXT("txt", List.of("txt")),
    HTML("html", List.of("html", "htm")),
    /** A "single file web page" (MHTML), which Word writes and web systems hand out as .doc. */
    MHT("mht", List.of("mht", "mhtml")),
    RTF("rtf", List.of("rtf")),
    ODT("odt", List.of("odt")),
    ODS("ods", List.of("ods")),
    /**
     * A .wps/.et file that is not one of the Word/Excel formats WPS usually writes: WPS's (or Microsoft Works')
     * own format. Given by the prober from the name when the content is not recognised.
     */
    WPS("wps", List.of("wps", "et")),
    JPEG("jpeg", List.of("jpg", "jpeg")),
    PNG("png", List.of("png")),
    HEIC("heic", List.of("heic", "heif")),
    WEBP("webp", List.of("webp")),
    BMP("bmp", List.of("bmp")),
    GIF("gif", List.of("gif")),
    TIFF("tiff", List.of("tif", "tiff")),
    MP4("mp4", List.of("mp4", "m4v")),
    QUICKTIME("mov", List.of("mov")),
    MATROSKA("mkv", List.of("mkv", "webm")),
    AVI("avi", List.of("avi")),
    ZIP("zip", List.of("zip")),
    RAR("rar", List.of("rar")),
    SEVEN_ZIP("7z", List.of("7z")),
    EMPTY("empty", List.of()),
    UNKNOWN("unknown", List.of());

    /** The types {@code FormReader} reads. */
    public static final Set<FileType> FORMS = Set.of(DOCX, DOC, XLSX, XLS);
    /** The types {@code TextExtractor} reads. */
    public static final Set<FileType> TEXTS = Set.of(DOCX, DOC, DOC_WORD6, PDF, TXT);

    private final String id;
    private final List<String> extensions;

    FileType(String id, List<String> extensions) {
        this.id = id;
        this.extensions = extensions;
    }

    /** Stable identifier used in rules.yaml and JSON reports (e.g. {@code docx}, {@code jpeg}). */
    public String id() {
        return id;
    }

    /** The bundle key of this type's display name ({@code filetype.docx}, in {@code filetype_zh|en.properties}). */
    public String labelKey() {
        return "filetype." + id;
    }

    /** The display name in the locale's language (“Word 文档 (.docx)”, "Word document (.docx)"). */
    public String displayName(Locale locale) {
        return Bundles.format(labelKey(), locale);
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
