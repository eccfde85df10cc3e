package zjlearn.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import zjlearn.rules.Rules;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {
    @ParameterizedTest
    @CsvSource({
            "2018年5月, 2018, 5, ",
            "2018.05, 2018, 5, ",
            "2018-5, 2018, 5, ",
            "2018/05/01, 2018, 5, 1",
            "2018年, 2018, , ",
            "2018 年 5 月 3 日, 2018, 5, 3",
            "201805, 2018, 5, ",
            "1968年05月, 1968, 5, ",
            "２０１８年５月, 2018, 5, ",
            "2019.9, 2019, 9, ",
            "2019.09, 2019, 9, ",
            "2019年9月, 2019, 9, ",
            "2019年9月份, 2019, 9, ",
            "201909, 2019, 9, ",
            "20190901, 2019, 9, 1",
            "２０１９．９, 2019, 9, ",
            "2019 . 9, 2019, 9, ",
            // Excel serial numbers, as a date cell formatted as a plain number shows them
            "43344, 2018, 9, 1",
            "43344.0, 2018, 9, 1",
            "24970, 1968, 5, 12",
            "10000, 1927, 5, 18"})
    void datesAsPeopleWriteThem(String text, int year, Integer month, Integer day) {
        assertThat(Values.date(text)).contains(new Values.PartialDate(year, month, day));
    }

    @ParameterizedTest
    @ValueSource(strings = {"五月", "2018年13月", "2021-02-30", "去年", "18年5月", "1850年", "9999", "99999", "201913", "43344.5"})
    void notDates(String text) {
        assertThat(Values.date(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2000人, 2000, PEOPLE",
            "6000余人次, 6000, PARTICIPATIONS",
            "1.5万人次, 15000, PARTICIPATIONS",
            "2万, 20000, UNSPECIFIED",
            "三千人, 3000, PEOPLE",
            "'12,000', 12000, UNSPECIFIED",
            "约3000人, 3000, PEOPLE",
            "一万二千人次, 12000, PARTICIPATIONS",
            "一万二, 12000, UNSPECIFIED",
            "两万人, 20000, PEOPLE",
            "十二人, 12, PEOPLE",
            "3000多人, 3000, PEOPLE",
            "3千人, 3000, PEOPLE",
            "2.5千人, 2500, PEOPLE",
            "5百人, 500, PEOPLE",
            "1.2万人次, 12000, PARTICIPATIONS",
            "1万2千人次, 12000, PARTICIPATIONS",
            "1万2人次, 12000, PARTICIPATIONS",
            "1万200人, 10200, PEOPLE",
            "两万五千人, 25000, PEOPLE",
            "三千五百人, 3500, PEOPLE",
            "三千五, 3500, UNSPECIFIED",
            "一千零五人, 1005, PEOPLE",
            "1亿人次, 100000000, PARTICIPATIONS",
            "1.2亿人次, 120000000, PARTICIPATIONS",
            "3000余人, 3000, PEOPLE",
            "约3000余人, 3000, PEOPLE",
            "近2000人, 2000, PEOPLE",
            "超过1万人次, 10000, PARTICIPATIONS",
            "逾万人, 10000, PEOPLE",
            "年均2000余人, 2000, PEOPLE",
            "每年6000人次, 6000, PARTICIPATIONS",
            "12000人以上, 12000, PEOPLE",
            "6000人次左右, 6000, PARTICIPATIONS",
            "１２０００人次, 12000, PARTICIPATIONS",
            "１．５万人, 15000, PEOPLE",
            "'１２，０００人', 12000, PEOPLE",
            "2000名, 2000, PEOPLE"})
    void countsAsPeopleWriteThem(String text, long value, Values.CountUnit unit) {
        assertThat(Values.count(text)).contains(new Values.Count(value, unit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"很多", "若干人", "2000-3000人", "", "1.2.3人", "人次", "三三千人", "千百人"})
    void notCounts(String text) {
        assertThat(Values.count(text)).isEmpty();
        assertThat(Values.counts(text)).isEmpty();
    }

    /** The list form's 年参与人数（人次） column, and many a 推荐表, hold people and participations in one cell. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3000人/1.2万人次 | 3000 PEOPLE, 12000 PARTICIPATIONS",
            "3000余人（1万人次） | 3000 PEOPLE, 10000 PARTICIPATIONS",
            "3000余人(1万人次) | 3000 PEOPLE, 10000 PARTICIPATIONS",
            "3000人，12000人次 | 3000 PEOPLE, 12000 PARTICIPATIONS",
            "12,000人次、3000人 | 12000 PARTICIPATIONS, 3000 PEOPLE",
            "2000人或6000人次 | 2000 PEOPLE, 6000 PARTICIPATIONS",
            "３０００人／１．２万人次 | 3000 PEOPLE, 12000 PARTICIPATIONS",
            "3000/12000 | 3000 UNSPECIFIED, 12000 UNSPECIFIED",
            "三千人；一万二千人次 | 3000 PEOPLE, 12000 PARTICIPATIONS",
            "6000余人次 | 6000 PARTICIPATIONS"})
    void severalCountsInOneCell(String text, String expected) {
        List<Values.Count> want = java.util.Arrays.stream(expected.split(",\\s*"))
                .map(e -> new Values.Count(Long.parseLong(e.split(" ")[0]), Values.CountUnit.valueOf(e.split(" ")[1]))).toList();
        assertThat(Values.counts(text)).containsExactlyElementsOf(want);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000人/很多", "3000人（暂无统计）", "/"})
    void notSeveralCounts(String text) {
        assertThat(Values.counts(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "138 1234 5678", "0571-88031282", "(0571)88031282", "+86 138-1234-5678",
            "0571-88031282，13812345678", "057188031282"})
    void phones(String text) {
        assertThat(Values.phone(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1381234567", "88031282", "12345678901", "无"})
    void notPhones(String text) {
        assertThat(Values.phone(text)).isEmpty();
    }

    @Test
    void idNumbersAreCheckedByTheirCheckDigitAndBirthDate() {
        Rules.FieldDef id = new Rules.FieldDef("身份证号码", null, false, Rules.ValueType.ID_NUMBER, null, null, null, null);
        assertThat(Values.problem(id, "330106196805120024")).isEmpty();
        assertThat(Values.problem(id, "11010519491231002X")).isEmpty();
        assertThat(Values.problem(id, "330106196805120025")).get()
                .satisfies(m -> assertThat(m.render(java.util.Locale.CHINA)).contains("第 18 位应为 4"));
        assertThat(Values.problem(id, "33010619680512002")).isPresent();
        assertThat(Values.birthDateOf("330106196805120024")).hasValueSatisfying(d -> assertThat(d).hasToString("1968-05-12"));
    }

    @Test
    void tickedChoicesAreRead() {
        List<String> genders = List.of("男", "女");
        assertThat(Values.choice("女", genders)).contains("女");
        assertThat(Values.choice("□男 ☑女", genders)).contains("女");
        assertThat(Values.choice("■男　□女", genders)).contains("男");
        assertThat(Values.choice("□男 □女", genders)).isEmpty();
        assertThat(Values.choice("未知", genders)).isEmpty();
    }

    @Test
    void ethnicGroupsMayOmitTheTrailingZu() {
        List<String> groups = List.of("汉族", "回族", "维吾尔族");
        assertThat(Values.choice("汉", groups)).contains("汉族");
        assertThat(Values.choice("维吾尔族", groups)).contains("维吾尔族");
        assertThat(Values.choice("汉人", groups)).isEmpty();
    }

    @Test
    void namesHaveNoDigits() {
        assertThat(Values.name("张 三")).contains("张三");
        assertThat(Values.name("阿依古丽·买买提")).isPresent();
        assertThat(Values.name("张三2")).isEmpty();
        assertThat(Values.name("张")).isEmpty();
    }
}
