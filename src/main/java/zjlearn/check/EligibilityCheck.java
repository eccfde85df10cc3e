package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.Rule;
import zjlearn.probe.ProbedFile;
import zjlearn.rules.Names;
import zjlearn.rules.Rules;
import zjlearn.scan.Submission;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code eligibility.*}: the notice's conditions, read from what the nomination form says —
 * participants a year ({@code eligibility.participants}), the project's age at {@code campaign.deadline}
 * ({@code eligibility.projectAge}), a concrete project name ({@code eligibility.projectName}), no senior cadre
 * ({@code eligibility.cadre}), and the ID number's birth date against the form's date of birth
 * ({@code eligibility.idBirthDate}). Every threshold, field name and quotation of the notice comes from those keys.
 * Earlier recognitions: {@link PreviousWinnerCheck}.
 */
public final class EligibilityCheck implements Check {
    @Override
    public Set<Rule> emits() {
        return Set.of(Rule.ELIGIBILITY_PARTICIPANTS, Rule.ELIGIBILITY_PROJECT_AGE, Rule.ELIGIBILITY_PROJECT_NAME,
                Rule.ELIGIBILITY_PROJECT_NAME_SUFFIX, Rule.ELIGIBILITY_CADRE, Rule.FORM_FIELD_INVALID, Rule.CHECK_NOT_RUN);
    }

    @Override
    public void run(Validation v, FindingSink sink) {
        Rules.Eligibility el = v.rules().eligibility();
        for (Submission s : v.scan().submissions()) {
            Optional<ProbedFile.FormFile> form = v.form(s, v.nominationRole(s.category()));
            if (form.isPresent() && el != null) {
                Map<String, String> fields = form.get().form().allFields();
                String file = form.get().file().relPath();
                if (applies(el.participants() == null ? null : el.participants().category(), s)) {
                    String title = v.rules().form(v.rules().category(s.category()).nominationForm()).title();
                    participants(el.participants(), title, fields, s, file, sink);
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

    private static void participants(Rules.Participants rule, String formTitle, Map<String, String> fields, Submission s,
                                     String file,
                                     FindingSink sink) {
        String peopleText = value(fields, rule.peopleField());
        String timesText = value(fields, rule.participationsField());
        List<Values.Count> people = peopleText == null ? List.of() : Values.counts(peopleText);
        List<Values.Count> times = timesText == null ? List.of() : Values.counts(timesText);
        if (people.isEmpty() && times.isEmpty()) {
            if (peopleText != null || timesText != null) {
                sink.add(Rule.CHECK_NOT_RUN, s.path(), file,
                        Msg.key("eligibility.participants.unreadable.message", peopleText == null ? "" : peopleText,
                                timesText == null ? "" : timesText, rule.peopleField(), rule.participationsField()),
                        Msg.key("eligibility.participants.unreadable.expected", String.valueOf(rule.minPeople()),
                                String.valueOf(rule.minParticipations())),
                        Msg.literal(peopleText + " / " + timesText),
                        Msg.key("eligibility.participants.unreadable.fix", rule.peopleField(), rule.participationsField()));
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
                Msg.key("eligibility.participants.message", String.valueOf(rule.minPeople()),
                        String.valueOf(rule.minParticipations()), found, formTitle),
                Msg.key("eligibility.participants.expected", String.valueOf(rule.minPeople()),
                        String.valueOf(rule.minParticipations())),
                Msg.literal(found), Msg.key("eligibility.participants.fix"));
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
                Msg.key("eligibility.project-age.message", String.valueOf(rule.minYears()), rule.field(), text,
                        Texts.date(deadline), Texts.date(latestAllowed)),
                Msg.key("eligibility.project-age.expected", Texts.date(latestAllowed)), Msg.literal(text),
                Msg.key("eligibility.project-age.fix", String.valueOf(rule.minYears()), rule.field()));
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
        Msg fix = v.registrationRole(s.category())
                .map(role -> Texts.noticed("eligibility.project-name.fix.list", rule.noticeWords(), Texts.role(v.rules(), role)))
                .orElse(Texts.noticed("eligibility.project-name.fix", rule.noticeWords()));
        Msg expected = rule.examples().isEmpty() ? Msg.key("eligibility.project-name.expected")
                : Msg.key("eligibility.project-name.expected.examples", examples(rule.examples()));
        if (sameAsUnit || tailOfUnit || aUnitsName) {
            sink.add(Rule.ELIGIBILITY_PROJECT_NAME, s.path(), file,
                    aUnitsName && !sameAsUnit
                            ? Msg.key("eligibility.project-name.unit.message", name, titleField)
                            : Msg.key("eligibility.project-name.applicant.message", name, unit, titleField, rule.unitField()),
                    expected, Msg.literal(name), fix);
            return;
        }
        if (suffix == null || rule.projectWords().stream().anyMatch(w -> key.contains(Names.key(w)))) {
            return;
        }
        sink.add(Rule.ELIGIBILITY_PROJECT_NAME_SUFFIX, s.path(), file,
                Msg.key("eligibility.project-name-suffix.message", name, suffix, titleField),
                expected, Msg.literal(name), Texts.noticed("eligibility.project-name-suffix.fix", rule.noticeWords(), name));
    }

    /** The rules file's examples of concrete project names, each in quotation marks in Chinese, by commas in English. */
    private static Msg examples(List<String> examples) {
        StringBuilder zh = new StringBuilder();
        examples.forEach(x -> zh.append('“').append(x).append('”'));
        return Texts.named(zh.toString(), String.join(", ", examples));
    }

    private static void cadre(Rules.Cadre rule, Map<String, String> fields, Submission s, String file, FindingSink sink) {
        String post = value(fields, rule.field());
        if (post == null) {
            return;
        }
        String compact = Names.key(post);
        Msg excluded = rule.excluded() == null ? Msg.key("eligibility.cadre.excluded")
                : Texts.named(rule.excluded(), rule.excludedEn());
        rule.titles().stream().filter(t -> compact.contains(Names.key(t))).findFirst().ifPresent(title ->
                sink.add(Rule.ELIGIBILITY_CADRE, s.path(), file,
                        Texts.noticed("eligibility.cadre.message", rule.noticeWords(), post, title, excluded),
                        Msg.key("eligibility.cadre.expected", excluded), Msg.literal(post),
                        rule.explainField() == null ? Msg.key("eligibility.cadre.fix")
                                : Msg.key("eligibility.cadre.fix.field", rule.explainField())));
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
                    Msg.key("eligibility.birth-date.message", rule.dateField(), date, fromId.get().toString(), rule.idField()),
                    Msg.key("eligibility.birth-date.expected", String.valueOf(fromId.get().getYear()),
                            String.valueOf(fromId.get().getMonthValue())),
                    Msg.literal(date), Msg.key("eligibility.birth-date.fix", rule.dateField(), rule.idField()));
        }
    }
}
