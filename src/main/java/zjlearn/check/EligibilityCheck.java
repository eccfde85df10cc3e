package zjlearn.check;

import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code eligibility.*}: the notice's conditions, read from what the nomination form says —
 * participants a year, the project's age at the deadline, a concrete project name, no senior cadre,
 * and the ID number's birth date against 出生年月. Earlier recognitions: {@link PreviousWinnerCheck}.
 */
public final class EligibilityCheck implements Check {
    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.Eligibility el = v.rules().eligibility();
        for (Submission s : v.scan().submissions()) {
            Optional<ProbedFile> form = v.form(s, v.nominationRole(s.category()));
            if (form.isPresent() && el != null) {
                Map<String, String> fields = form.get().form().allFields();
                String file = form.get().file().relPath();
                if (applies(el.participants() == null ? null : el.participants().category(), s)) {
                    participants(el.participants(), fields, s, file, sink);
                }
                if (applies(el.projectAge() == null ? null : el.projectAge().category(), s)) {
                    projectAge(el.projectAge(), v.rules().campaign().deadline(), fields, s, file, sink);
                }
                if (applies(el.projectName() == null ? null : el.projectName().category(), s)) {
                    projectName(v, el.projectName(), fields, s, file, sink);
                }
                if (applies(el.cadre() == null ? null : el.cadre().category(), s)) {
                    cadre(el.cadre(), fields, s, file, sink);
                }
                if (applies(el.idBirthDate() == null ? null : el.idBirthDate().category(), s)) {
                    idBirthDate(el.idBirthDate(), fields, s, file, sink);
                }
            }
        }
    }

    private static boolean applies(String category, Submission s) {
        return category != null && category.equals(s.category());
    }

    private static String value(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static void participants(Rules.Participants rule, Map<String, String> fields, Submission s, String file,
                                     FindingSink sink) {
        String peopleText = value(fields, rule.peopleField());
        String timesText = value(fields, rule.participationsField());
        List<Values.Count> people = peopleText == null ? List.of() : Values.counts(peopleText);
        List<Values.Count> times = timesText == null ? List.of() : Values.counts(timesText);
        if (people.isEmpty() && times.isEmpty()) {
            if (peopleText != null || timesText != null) {
                sink.add(Rule.CHECK_NOT_RUN, s.path(), file,
                        Msg.of("无法判断年参与人数是否达标：“{0}”“{1}”都不是能读懂的数量", "cannot judge the participants: neither \"{0}\" nor \"{1}\" is a number",
                                peopleText == null ? "" : peopleText, timesText == null ? "" : timesText),
                        Msg.of("如 3500人、1.2万人次", "e.g. 3500人, 1.2万人次"), Msg.literal(peopleText + " / " + timesText),
                        Msg.of("用数字填写年参与人数或人次", "write the yearly participants as a number"));
            }
            return;
        }
        // Whatever field a count is written in, 人 counts people and 人次 participations; a bare number
        // counts what its field counts, and in a cell holding two bare numbers (3000/12000) the first is
        // people and the second participations, as the list form's 年参与人数（人次） column reads.
        long peopleCount = -1;
        long timesCount = -1;
        for (int i = 0; i < people.size(); i++) {
            Values.Count c = people.get(i);
            boolean asTimes = c.unit() == Values.CountUnit.PARTICIPATIONS
                    || c.unit() == Values.CountUnit.UNSPECIFIED && i == 1 && people.size() == 2
                    && people.get(0).unit() == Values.CountUnit.UNSPECIFIED;
            if (asTimes) {
                timesCount = Math.max(timesCount, c.value());
            } else {
                peopleCount = Math.max(peopleCount, c.value());
            }
        }
        for (Values.Count c : times) {
            if (c.unit() == Values.CountUnit.PEOPLE) {
                peopleCount = Math.max(peopleCount, c.value());
            } else {
                timesCount = Math.max(timesCount, c.value());
            }
        }
        if (peopleCount >= rule.minPeople() || timesCount >= rule.minParticipations()) {
            return;
        }
        String found = (peopleText == null ? "" : rule.peopleField() + "：" + peopleText)
                + (peopleText != null && timesText != null ? "；" : "")
                + (timesText == null ? "" : rule.participationsField() + "：" + timesText);
        sink.add(Rule.ELIGIBILITY_PARTICIPANTS, s.path(), file,
                Msg.of("项目参与规模不足：每年应不少于 {0} 人或 {1} 人次，推荐表填写的是 {2}",
                        "too few participants: at least {0} people or {1} participations a year are required; the form says {2}",
                        String.valueOf(rule.minPeople()), String.valueOf(rule.minParticipations()), found),
                Msg.of("≥ {0} 人 或 ≥ {1} 人次", "≥ {0} people or ≥ {1} participations", String.valueOf(rule.minPeople()),
                        String.valueOf(rule.minParticipations())),
                Msg.literal(found),
                Msg.of("核实数据：若填写有误请更正（可同时填写人数和人次）；确未达到的项目按通知不宜推荐",
                        "check the figures and correct them if wrong (both may be given); a project below the threshold should not be nominated"));
    }

    private static void projectAge(Rules.ProjectAge rule, LocalDate deadline, Map<String, String> fields, Submission s,
                                   String file, FindingSink sink) {
        String text = value(fields, rule.field());
        if (text == null) {
            return;
        }
        Optional<Values.PartialDate> created = Values.date(text);
        if (created.isEmpty()) {
            return;
        }
        LocalDate latestAllowed = deadline.minusYears(rule.minYears());
        // Benefit of the doubt: 2019年 is taken as January 2019, 2019年5月 as 1 May 2019.
        LocalDate earliest = created.get().earliest();
        if (!earliest.isAfter(latestAllowed)) {
            return;
        }
        sink.add(Rule.ELIGIBILITY_PROJECT_AGE, s.path(), file,
                Msg.of("项目创建不满 {0} 年：{1}为“{2}”，按截止日期 {3} 计算，应在 {4} 或以前创建",
                        "the project is younger than {0} years: {1} is \"{2}\"; counting to the deadline {3} it must have started by {4}",
                        String.valueOf(rule.minYears()), rule.field(), text, Texts.date(deadline), Texts.date(latestAllowed)),
                Msg.of("不晚于 {0}", "no later than {0}", Texts.date(latestAllowed)), Msg.literal(text),
                Msg.of("核实创建（启动）时间；若填写有误请更正，确不满 {0} 年的项目按通知不宜推荐",
                        "check the start date and correct it if wrong; a project younger than {0} years should not be nominated",
                        String.valueOf(rule.minYears())));
    }

    /**
     * The name equal to the 申报单位, or the 申报单位 ending in the name (西湖区社区学院 of 杭州市西湖区社区学院), or
     * a recommending unit's name, is certainly a unit's name: an error. A name that merely ends like a
     * unit's (学院, 中心, 社区 …) is a hint: a warning, silent when it holds a word that names an activity.
     */
    private static void projectName(Validation v, Rules.ProjectName rule, Map<String, String> fields, Submission s,
                                    String file, FindingSink sink) {
        String titleField = v.rules().category(s.category()).titleField();
        String name = value(fields, titleField);
        if (name == null) {
            name = s.title();
        }
        String unit = rule.unitField() == null ? null : value(fields, rule.unitField());
        String key = Names.key(name);
        String suffix = rule.unitSuffixes().stream().filter(x -> key.endsWith(Names.key(x))).findFirst().orElse(null);
        boolean sameAsUnit = unit != null && key.equals(Names.key(unit));
        boolean tailOfUnit = unit != null && suffix != null && key.length() < Names.key(unit).length()
                && Names.key(unit).endsWith(key);
        boolean aUnitsName = v.rules().units().stream().anyMatch(u -> key.equals(Names.key(u.name()))
                || u.aliases().stream().anyMatch(a -> key.equals(Names.key(a))));
        Msg fix = Msg.of("按通知“一般不以单位或院校名称上报”，改为能体现活动内容的项目名称，并同步修改文件夹名和登记表",
                "rename it after what the project does (the notice asks not to use a unit's or school's name), and update the folder and the list form");
        Msg expected = Msg.of("具体的项目名称，如“共富夜校”“银龄数字课堂”", "a concrete project name, e.g. 共富夜校");
        if (sameAsUnit || tailOfUnit || aUnitsName) {
            sink.add(Rule.ELIGIBILITY_PROJECT_NAME, s.path(), file,
                    aUnitsName && !sameAsUnit
                            ? Msg.of("项目名称“{0}”是推荐单位的名称，不是具体的项目名称", "the project name \"{0}\" is a recommending unit's name, not a project", name)
                            : Msg.of("项目名称“{0}”就是申报单位“{1}”的名称，不是具体的项目名称",
                            "the project name \"{0}\" is the name of the applicant \"{1}\", not a project", name, unit),
                    expected, Msg.literal(name), fix);
            return;
        }
        if (suffix == null || rule.projectWords().stream().anyMatch(w -> key.contains(Names.key(w)))) {
            return;
        }
        sink.add(Rule.ELIGIBILITY_PROJECT_NAME_SUFFIX, s.path(), file,
                Msg.of("项目名称“{0}”以“{1}”结尾，可能是单位或院校名称，请核实", "the project name \"{0}\" ends in {1} and may be a unit's or school's name; please check",
                        name, suffix),
                expected, Msg.literal(name),
                Msg.of("若“{0}”是单位或院校名称，按通知“一般不以单位或院校名称上报”改为能体现活动内容的项目名称；若它就是项目本身的名称，不必修改，本提示不影响通过",
                        "if \"{0}\" is a unit's or school's name, rename the project after what it does; if it is the project's own name, keep it: this hint does not fail the submission",
                        name));
    }

    private static void cadre(Rules.Cadre rule, Map<String, String> fields, Submission s, String file, FindingSink sink) {
        String post = value(fields, rule.field());
        if (post == null) {
            return;
        }
        String compact = Names.key(post);
        rule.titles().stream().filter(t -> compact.contains(Names.key(t))).findFirst().ifPresent(title ->
                sink.add(Rule.ELIGIBILITY_CADRE, s.path(), file,
                        Msg.of("“{0}”中含“{1}”，推荐对象可能是县处级以上领导干部（通知：除特殊情况外一般不推荐）",
                                "\"{0}\" contains {1}: the nominee may be a county/division-level or higher leader, whom the notice generally excludes",
                                post, title),
                        Msg.of("基层群众、一线从业人员", "ordinary citizens and front-line workers"), Msg.literal(post),
                        Msg.of("请核实职级；若确属特殊情况需要推荐，请在推荐单位意见中说明理由",
                                "check the rank; if nominated as a special case, explain why in the recommending unit's opinion")));
    }

    private static void idBirthDate(Rules.IdBirthDate rule, Map<String, String> fields, Submission s, String file,
                                    FindingSink sink) {
        String id = value(fields, rule.idField());
        String date = value(fields, rule.dateField());
        if (id == null || date == null) {
            return;
        }
        Optional<LocalDate> fromId = Values.birthDateOf(id);
        Optional<Values.PartialDate> written = Values.date(date);
        if (fromId.isEmpty() || written.isEmpty()) {
            return;
        }
        Values.PartialDate d = written.get();
        boolean agrees = d.year() == fromId.get().getYear()
                && (d.month() == null || d.month() == fromId.get().getMonthValue())
                && (d.day() == null || d.day() == fromId.get().getDayOfMonth());
        if (!agrees) {
            sink.add(Rule.FORM_FIELD_INVALID, s.path(), file,
                    Msg.of("{0}“{1}”与身份证号码中的出生日期 {2} 不一致", "{0} \"{1}\" disagrees with the birth date {2} in the ID number",
                            rule.dateField(), date, fromId.get().toString()),
                    Msg.literal(fromId.get().getYear() + "年" + fromId.get().getMonthValue() + "月"), Msg.literal(date),
                    Msg.of("核对身份证号码和{0}，改正填错的一项", "check the ID number and {0}, and correct the wrong one", rule.dateField()));
        }
    }
}
