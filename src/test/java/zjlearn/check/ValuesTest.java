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
            "２０１８年５月, 2018, 5, "})
    void datesAsPeopleWriteThem(String text, int year, Integer month, Integer day) {
        assertThat(Values.date(text)).contains(new Values.PartialDate(year, month, day));
    }

    @ParameterizedTest
    @ValueSource(strings = {"五月", "2018年13月", "2021-02-30", "去年", "18年5月", "1850年"})
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
            "3000多人, 3000, PEOPLE"})
    void countsAsPeopleWriteThem(String text, long value, Values.CountUnit unit) {
        assertThat(Values.count(text)).contains(new Values.Count(value, unit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"很多", "若干人", "2000-3000人", ""})
    void notCounts(String text) {
        assertThat(Values.count(text)).isEmpty();
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
