package zjlearn.probe.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import zjlearn.rules.FileType;

/**
 * Forms written as HTML / flat ODS and converted by LibreOffice (see regenerate.sh next to the
 * fixtures): every format must give the same content.
 */
class LibreOfficeFixturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"docx", "doc", "xlsx", "xls"})
    void starNominationForm(String format) throws Exception {
        FormContent form = read("star_nomination", format);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("姓名", "李明华");
        expected.put("性别", "男");
        expected.put("出生年月", "1962年3月");
        expected.put("民族", "汉族");
        expected.put("政治面貌", "中共党员");
        expected.put("文化程度", "大专");
        expected.put("工作单位及职务", "杭州市西湖区文新街道退休职工");
        expected.put("联系电话", "13910123456");
        expected.put("主要学习事迹", "退休后坚持每天学习三小时，自学书法与摄影。\n"
                + "组建社区读书会，带动120位居民参与学习。\n"
                + "获奖情况：2019年被评为西湖区学习之星。");
        expected.put("推荐单位意见", "同意推荐。");
        assertThat(form.fields()).containsExactlyEntriesOf(expected);
        assertThat(form.records()).isEmpty();
        assertThat(form.inlineFields()).containsExactlyEntriesOf(Map.of("推荐单位", "杭州市西湖区社区学院"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "doc", "xlsx", "xls"})
    void starRegistrationList(String format) throws Exception {
        FormContent form = read("star_registration", format);

        assertThat(form.fields()).isEmpty();
        assertThat(form.records()).containsExactly(
                record("1", "王小红", "女", "1975年6月", "宁波市鄞州区某社区居委会主任", "鄞州区社区学院", "13800001111"),
                record("2", "阿依古丽·买买提", "女", "1988年11月", "杭州市某公司职员", "西湖区社区学院", "13900002222"),
                record("3", "欧阳 明", "男", "1960年1月", "退休教师", "西湖区社区学院", "13700003333"));
        assertThat(form.records().get(0).keySet())
                .containsExactly("序号", "姓名", "性别", "出生年月", "工作单位及职务", "推荐单位", "联系电话");
        Map<String, String> inline = new LinkedHashMap<>();
        inline.put("推荐单位", "杭州市教育局");
        inline.put("联系电话", "0571-88886666");
        assertThat(form.inlineFields()).containsExactlyEntriesOf(inline);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "doc"})
    void nestedTableIsReadAsItsOwnListAndKeptInTheOuterValue(String format) throws Exception {
        FormContent form = read("project_nested", format);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("项目名称", "共富夜校");
        expected.put("申报单位", "杭州市某社区学校");
        expected.put("创建时间", "2018年9月");
        expected.put("年参与人数（人次）", "6000");
        expected.put("主要学习事迹", "开设子项目如下：\n序号 项目名称 创建时间\n1 夜校书法班 2019年3月\n2 夜校摄影班 2020年5月");
        assertThat(form.fields()).containsExactlyEntriesOf(expected);
        assertThat(form.records()).containsExactly(
                Map.of("序号", "1", "项目名称", "夜校书法班", "创建时间", "2019年3月"),
                Map.of("序号", "2", "项目名称", "夜校摄影班", "创建时间", "2020年5月"));
        assertThat(form.inlineFields()).isEmpty();
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(LibreOfficeFixturesTest.class.getResource("/fixtures/forms/" + name).toURI());
    }

    private static FormContent read(String base, String format) throws Exception {
        return FormReader.read(fixture(base + "." + format), FileType.fromId(format), TestLabels.STAR);
    }

    private static Map<String, String> record(String... values) {
        List<String> columns = List.of("序号", "姓名", "性别", "出生年月", "工作单位及职务", "推荐单位", "联系电话");
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(columns.get(i), values[i]);
        }
        return map;
    }
}
