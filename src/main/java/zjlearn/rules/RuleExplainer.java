package zjlearn.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code zjlearn rules explain ID}: what a rule checks, the parameters it takes from the rules file in
 * force, and how a finding of it is usually fixed.
 */
public final class RuleExplainer {
    private final Rules rules;
    private final boolean en;
    private final List<String> lines = new ArrayList<>();

    private RuleExplainer(Rules rules, Locale locale) {
        this.rules = rules;
        this.en = "en".equals(locale.getLanguage());
    }

    public static List<String> explain(Rules rules, String id, Locale locale) {
        RuleExplainer e = new RuleExplainer(rules, locale);
        e.build(id);
        return e.lines;
    }

    private void say(String zh, String english) {
        lines.add(en ? english : zh);
    }

    private void build(String id) {
        Severity severity = RuleCatalog.effective(rules, id);
        say(id + " —— " + RuleMeanings.meaning(id, Locale.CHINA), id + " — " + RuleMeanings.meaning(id, Locale.ENGLISH));
        say("当前严重程度：" + switch (severity) {
            case ERROR -> "错误（使推荐对象不通过）";
            case WARNING -> "警告（提示，不影响通过；--strict 时算不通过）";
            case OFF -> "关闭（不检查）";
        } + (rules.severityOverride(id).isPresent() ? "，由规则文件 severity: 设定" : "，程序默认"),
                "Severity in force: " + severity.id() + (rules.severityOverride(id).isPresent() ? " (set in the rules file)" : " (default)"));
        say("参数（来自规则文件）：", "Parameters (from the rules file):");
        String prefix = id.substring(0, id.indexOf('.'));
        switch (prefix) {
            case "quota" -> rules.units().forEach(u -> say("  " + u.name() + "：" + quota(u, false), "  " + u.name() + ": " + quota(u, true)));
            case "text" -> rules.categories().values().stream().filter(c -> c.summary() != null).forEach(c -> say(
                    "  " + c.name() + " 工作总结：" + range(c.summary().warning()) + " 字以外为警告，" + range(c.summary().error()) + " 字以外为错误（Word“字数”口径）",
                    "  " + c.name() + " summary: warning outside " + range(c.summary().warning()) + ", error outside " + range(c.summary().error()) + " words"));
            case "video" -> video();
            case "image" -> images();
            case "files" -> files();
            case "form" -> rules.forms().values().forEach(f -> say(
                    "  " + f.title() + "：必填 " + f.fields().stream().filter(Rules.FieldDef::required).map(Rules.FieldDef::name).collect(Collectors.joining("、")),
                    "  " + f.title() + ": required " + f.fields().stream().filter(Rules.FieldDef::required).map(Rules.FieldDef::name).collect(Collectors.joining(", "))));
            case "eligibility" -> eligibility(id);
            case "layout" -> say("  单位：" + rules.units().stream().map(Rules.UnitDef::name).collect(Collectors.joining("、"))
                            + "；类别：" + rules.categories().values().stream().map(Rules.CategoryDef::name).collect(Collectors.joining("、"))
                            + "；忽略：" + String.join(" ", rules.ignore().names()) + " " + String.join(" ", rules.ignore().folders()),
                    "  units, categories and ignored names as in the rules file");
            case "file" -> rules.roles().forEach((role, def) -> say(
                    "  " + def.name() + "：文件名 " + String.join(" ", def.patterns()) + "，接受 " + String.join("/", def.types())
                            + "，上限 " + mb(rules.limits().maxBytes(role)),
                    "  " + (def.nameEn() == null ? def.name() : def.nameEn()) + ": names " + String.join(" ", def.patterns())
                            + ", types " + String.join("/", def.types()) + ", at most " + mb(rules.limits().maxBytes(role))));
            default -> say("  （无参数）", "  (none)");
        }
        say("怎样修改：" + fix(id, false), "How to fix: " + fix(id, true));
    }

    private String quota(Rules.UnitDef u, boolean english) {
        if (u.quotaPerCategory() != null) {
            return english ? "at most " + u.quotaPerCategory() + " per category" : "每类不超过 " + u.quotaPerCategory() + " 个";
        }
        return english ? "at most " + u.quotaTotal() + " in total" : "两类合计不超过 " + u.quotaTotal() + " 个";
    }

    private void video() {
        Rules.Video v = rules.video();
        if (v == null) {
            say("  （规则文件没有 video 一节）", "  (no video section)");
            return;
        }
        say("  容器品牌 " + String.join("/", v.brands()) + "；编码 " + String.join("/", v.codecs()) + "；显示 " + v.width() + "×" + v.height()
                        + "；" + (Boolean.TRUE.equals(v.progressive()) ? "逐行；" : "") + "恒定 " + v.fps() + " 帧/秒；时长 " + v.minSeconds() + "–" + v.maxSeconds()
                        + " 秒（容差一帧）" + (Boolean.TRUE.equals(v.requireAudio()) ? "；需要音轨" : ""),
                "  brands " + String.join("/", v.brands()) + "; codecs " + String.join("/", v.codecs()) + "; displayed " + v.width() + "x" + v.height()
                        + "; constant " + v.fps() + " fps; " + v.minSeconds() + "-" + v.maxSeconds() + " s (one frame tolerance)"
                        + (Boolean.TRUE.equals(v.requireAudio()) ? "; audio required" : ""));
    }

    private void images() {
        Rules.Images i = rules.images();
        if (i == null) {
            return;
        }
        if (i.idPhoto() != null) {
            String sizes = i.idPhoto().sizesMm().stream().map(s -> s.width() + "×" + s.height() + " mm").collect(Collectors.joining(" / "));
            say("  证件照：" + sizes + " 竖版，宽高比误差 " + i.idPhoto().aspectTolerance() + "，按 " + i.idPhoto().minDpi() + " dpi 的 "
                            + Math.round(i.idPhoto().dpiTolerance() * 100) + "% 计算像素" + (Boolean.TRUE.equals(i.idPhoto().colour()) ? "，彩色" : ""),
                    "  ID photo: " + sizes + " portrait, aspect tolerance " + i.idPhoto().aspectTolerance() + ", " + i.idPhoto().minDpi() + " dpi");
            Rules.ClearlyNot c = i.idPhoto().clearlyNot();
            if (c != null) {
                say("  显然不是证件照（错误）：宽÷高 > " + c.maxAspect() + "（横版），或短边 < " + c.minShortSide() + " 像素",
                        "  clearly not an ID photo (error): width/height > " + c.maxAspect() + " (landscape), or shorter side < " + c.minShortSide() + " pixels");
            }
        }
        if (i.screenshot() != null) {
            Rules.Screenshot sc = i.screenshot();
            say("  截屏（警告）：文件名 " + String.join(" ", sc.patterns()) + "；或没有相机信息且尺寸为 " + String.join("、", sc.screenSizes())
                            + (sc.minTallAspect() == null ? "" : "，或高÷宽 ≥ " + sc.minTallAspect()),
                    "  screenshot (warning): names " + String.join(" ", sc.patterns()) + "; or no camera EXIF and a screen size "
                            + String.join(", ", sc.screenSizes()) + (sc.minTallAspect() == null ? "" : ", or height/width >= " + sc.minTallAspect()));
        }
        if (i.photo() != null) {
            say("  照片：长边 ≥ " + i.photo().minLongSide() + "，短边 ≥ " + i.photo().minShortSide() + " 像素",
                    "  photos: long side >= " + i.photo().minLongSide() + ", short side >= " + i.photo().minShortSide() + " pixels");
        }
    }

    private void files() {
        for (Map.Entry<String, Rules.CategoryDef> e : rules.categories().entrySet()) {
            Rules.CategoryDef c = e.getValue();
            String counts = c.files().stream().map(this::count).collect(Collectors.joining("；"));
            say("  " + c.name() + "：" + counts, "  " + c.name() + ": " + counts);
            if (c.national() != null) {
                say("  " + c.name() + "（" + c.national().folder() + "）：" + c.national().files().stream().map(this::count).collect(Collectors.joining("；")),
                        "  " + c.name() + " (" + c.national().folder() + "): " + c.national().files().stream().map(this::count).collect(Collectors.joining("; ")));
            }
        }
        say("  每个推荐对象最多 " + rules.limits().maxFiles() + " 个文件", "  at most " + rules.limits().maxFiles() + " files per submission");
    }

    private String count(Rules.FileCount c) {
        String roles = c.roles().stream().map(r -> rules.role(r).name()).collect(Collectors.joining("+"));
        String range = c.max() != null && c.max() == 0 ? "0" : c.minOrZero() + "–" + (c.max() == null ? "∞" : c.max());
        return roles + " " + range;
    }

    private void eligibility(String id) {
        Rules.Eligibility el = rules.eligibility();
        if (el == null) {
            return;
        }
        switch (id) {
            case "eligibility.participants" -> {
                if (el.participants() != null) {
                    say("  每年 ≥ " + el.participants().minPeople() + " 人（" + el.participants().peopleField() + "）或 ≥ "
                                    + el.participants().minParticipations() + " 人次（" + el.participants().participationsField() + "）",
                            "  >= " + el.participants().minPeople() + " people or >= " + el.participants().minParticipations() + " participations a year");
                }
            }
            case "eligibility.project-age" -> {
                if (el.projectAge() != null) {
                    say("  " + el.projectAge().field() + " 不晚于 " + rules.campaign().deadline().minusYears(el.projectAge().minYears())
                                    + "（截止日期 " + rules.campaign().deadline() + " 前 " + el.projectAge().minYears() + " 年）",
                            "  started by " + rules.campaign().deadline().minusYears(el.projectAge().minYears()));
                }
            }
            case "eligibility.project-name" -> {
                if (el.projectName() != null) {
                    say("  不等于" + el.projectName().unitField() + "，不是" + el.projectName().unitField() + "名称的末尾部分，不是推荐单位的名称",
                            "  not the " + el.projectName().unitField() + ", nor its tail, nor a recommending unit's name");
                }
            }
            case "eligibility.project-name-suffix" -> {
                if (el.projectName() != null) {
                    say("  以 " + String.join("、", el.projectName().unitSuffixes()) + " 结尾时提示；名称含 "
                                    + String.join("、", el.projectName().projectWords()) + " 时不提示",
                            "  hint when ending in " + String.join(", ", el.projectName().unitSuffixes()) + "; silent when holding "
                                    + String.join(", ", el.projectName().projectWords()));
                }
            }
            case "archive.too-large", "archive.nested" -> {
                Rules.ArchiveLimits a = rules.limits().archives();
                say("  压缩包最多 " + a.entries() + " 个条目，解压后最多 " + (a.totalBytes() >> 20) + " MB，大于 1 MB 的条目压缩比最多 "
                                + a.ratio() + " 倍，压缩包中的压缩包读 " + a.nesting() + " 层（rules.yaml 的 limits.archives）",
                        "  archives: at most " + a.entries() + " entries, " + (a.totalBytes() >> 20) + " MB unpacked, a compression ratio of "
                                + a.ratio() + " for entries over 1 MB, " + a.nesting() + " level(s) of nested archives read (limits.archives)");
            }
            case "eligibility.cadre" -> {
                if (el.cadre() != null) {
                    say("  " + el.cadre().field() + " 含：" + String.join("、", el.cadre().titles()), "  " + el.cadre().field() + " contains: "
                            + String.join(", ", el.cadre().titles()));
                }
            }
            case "eligibility.previous-winner", "eligibility.previous-winner-name" -> say("  往年名单 " + (el.previousWinners() == null ? "（未设置）" : el.previousWinners().file())
                    + "，共 " + rules.previousWinners().size() + " 条", "  list " + (el.previousWinners() == null ? "(none)" : el.previousWinners().file())
                    + ", " + rules.previousWinners().size() + " entries");
            default -> say("  （无参数）", "  (none)");
        }
        if (id.equals("eligibility.previous-winner-name") && el.previousWinners() != null && el.previousWinners().verifiedField() != null) {
            el.previousWinners().differentPhrases().forEach((category, phrases) -> say(
                    "  " + (rules.categories().containsKey(category) ? rules.category(category).name() : category) + "：推荐表“"
                            + el.previousWinners().verifiedField() + "”中写明 " + String.join("、", phrases) + " 之一即不再提示",
                    "  " + category + ": cleared when the form's " + el.previousWinners().verifiedField() + " says one of " + String.join(", ", phrases)));
        }
    }

    private String fix(String id, boolean english) {
        String[] fix = switch (id) {
            case "layout.unknown-file" -> new String[] {"不需要报送的文件移出报送文件夹；若是规定材料，按名称命名（推荐表、登记表、工作总结、证件照……）",
                    "move what need not be sent out of the folder sent; name material after its role"};
            case "layout.unplaced" -> new String[] {"按报告所说移到约定位置（单位 → 类别 → 推荐对象），或按材料名称重命名",
                    "move it where the report says (unit → category → submission), or name it after its role"};
            case "layout.archive" -> new String[] {"解压后把材料放入约定位置，压缩包移出报送文件夹", "unpack it into place and move the archive out of the folder sent"};
            case "layout.duplicate-version" -> new String[] {"确定以哪个版本为准，只保留一个文件夹（另一个移出报送文件夹）",
                    "decide which version counts and keep only that folder (move the other out)"};
            case "layout.national-misplaced" -> new String[] {"把视频和推荐全国的照片移入“全国推荐材料”文件夹",
                    "move the video and the national photos into the national folder"};
            case "layout.nested-folder" -> new String[] {"去掉多出的一层文件夹", "remove the extra folder level"};
            case "layout.temp-file" -> new String[] {"删除临时文件", "delete the leftover"};
            case "layout.unknown-unit" -> new String[] {"把文件夹改名为推荐单位名称", "rename the folder after the unit"};
            case "layout.empty" -> new String[] {"放入材料，或去掉空文件夹", "fill or remove the empty folder"};
            case "file.type-mismatch" -> new String[] {"用原软件另存为正确格式，或改正扩展名", "save it in its real format, or fix the extension"};
            case "file.type-not-allowed" -> new String[] {"另存为接受的格式（照片用 JPG，表格用 Word/Excel）", "save it in an accepted format"};
            case "file.missing-end" -> new String[] {"从原始来源重新复制这张照片", "copy the photo again from its source"};
            case "image.screenshot" -> new String[] {"换成相机或手机拍摄的原图（在相册中选原图，不要截屏）", "send the original photo, not a screenshot"};
            case "file.unreadable" -> new String[] {"用原软件打开确认无误后另存，或重新复制原始文件", "open and save again, or copy the original again"};
            case "file.encrypted" -> new String[] {"删除文件密码后另存", "remove the password"};
            case "file.empty" -> new String[] {"重新复制文件", "copy the file again"};
            case "file.too-large" -> new String[] {"确认是否放错文件；压缩图片后另存", "check it is the right file; compress it"};
            case "archive.unsafe-entry" -> new String[] {"解压后检查该条目，只把推荐材料的文件夹重新压缩", "unpack, check the entry, compress only the material's folders"};
            case "archive.too-large" -> new String[] {"解压后按文件夹报送，或分成几个压缩包", "send the unpacked folders, or several smaller archives"};
            case "archive.nested" -> new String[] {"把里面的压缩包解压成文件夹后再一起压缩", "unpack the inner archives, then compress everything once"};
            case "files.count", "files.too-many" -> new String[] {"补齐材料，或把多余的文件移出报送文件夹，使份数符合要求", "add files, or move extra ones out of the folder sent, to match the counts"};
            case "form.field-missing", "form.field-invalid" -> new String[] {"使用规定模板，按要求填写栏目", "fill in the template's fields as required"};
            case "text.length" -> new String[] {"增删工作总结内容，使字数在范围内", "lengthen or shorten the summary"};
            case "image.resolution", "image.aspect", "image.grayscale", "image.not-id-photo" -> new String[] {"提供符合规格的彩色证件照和相机原图", "send the original colour photos"};
            case "eligibility.previous-winner-name" -> new String[] {"核实是否同一人或同一项目：是则更换推荐对象；只是同名则在推荐表的推荐单位意见中写明“同名不同人”",
                    "check whether it is the same; if only a namesake, write 同名不同人 in the recommending unit's opinion"};
            case "eligibility.project-name-suffix" -> new String[] {"若是单位名称，改为具体的项目名称；若就是项目名称，不必修改", "rename it if it is a unit's name; otherwise keep it"};
            case "consistency.duplicate-name" -> new String[] {"与相关单位核实是否同一推荐对象；不是则填写身份证号码或在名称上加以区别", "check with the other unit; if different, give ID numbers or distinct names"};
            case "quota.exceeded" -> new String[] {"单位自行择优，把超出名额的推荐对象移出报送文件夹", "the unit chooses and moves the extra submissions out of the folder sent"};
            default -> id.startsWith("video.")
                    ? new String[] {"按报告中给出的 ffmpeg 命令转换，或在剪辑软件中按要求导出", "convert with the ffmpeg command the report gives"}
                    : new String[] {"核实后更正表格，或按通知更换推荐对象", "check and correct the forms, or nominate someone else"};
        };
        return english ? fix[1] : fix[0];
    }

    private static String range(Rules.Range r) {
        return r.min() + "–" + r.max();
    }

    private static String mb(long bytes) {
        return bytes == Long.MAX_VALUE ? "∞" : (bytes / 1024 / 1024) + " MB";
    }
}
