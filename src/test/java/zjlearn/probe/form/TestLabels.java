package zjlearn.probe.form;

import zjlearn.rules.LabelText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A label resolver like the real one (aliases from rules.yaml), for tests. */
final class TestLabels implements LabelResolver {
    static final TestLabels STAR = new TestLabels(Map.ofEntries(
            Map.entry("姓名", List.of()),
            Map.entry("性别", List.of()),
            Map.entry("出生年月", List.of("出生日期")),
            Map.entry("民族", List.of()),
            Map.entry("政治面貌", List.of()),
            Map.entry("文化程度", List.of("学历")),
            Map.entry("工作单位及职务", List.of("工作单位及职务（职业）", "单位及职务")),
            Map.entry("联系电话", List.of("手机", "电话")),
            Map.entry("主要学习事迹", List.of("主要事迹", "学习事迹")),
            Map.entry("推荐单位", List.of()),
            Map.entry("推荐单位意见", List.of()),
            Map.entry("序号", List.of()),
            Map.entry("项目名称", List.of()),
            Map.entry("申报单位", List.of()),
            Map.entry("创建时间", List.of()),
            Map.entry("年参与人数（人次）", List.of())));

    private final Map<String, String> byKey = new HashMap<>();

    private TestLabels(Map<String, List<String>> aliases) {
        aliases.forEach((canonical, others) -> {
            byKey.put(LabelText.normalize(canonical), canonical);
            others.forEach(alias -> byKey.put(LabelText.normalize(alias), canonical));
        });
    }

    @Override
    public Optional<String> resolve(String cellText) {
        return Optional.ofNullable(byKey.get(LabelText.normalize(cellText)));
    }
}
