package zjlearn.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharCounterTest {

    @ParameterizedTest(name = "[{0}] -> {1} / {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # text                          | wordCount | nonWhitespaceCodePoints
            ''                              | 0  | 0
            '   '                           | 0  | 0
            56.3%                           | 1  | 5
            2021                            | 1  | 4
            1,200                           | 1  | 5
            APP                             | 1  | 3
            2021年                          | 2  | 5
            6000人次                        | 3  | 6
            Excel数据                       | 3  | 7
            张𠮷                            | 2  | 2
            𠮷𠮷𠮷                          | 3  | 3
            浙江                            | 2  | 2
            ，。、；：？！（）《》〔〕【】     | 15 | 15
            “终身学习”                      | 6  | 6
            ‘学’                            | 3  | 3
            ——                              | 2  | 2
            ……                              | 2  | 2
            阿依古丽·买买提                  | 8  | 8
            ２０２１年                       | 5  | 5
            ＡＰＰ                           | 3  | 3
            ひらがなカタカナ                  | 8  | 8
            한국어                           | 3  | 3
            欧阳 明                          | 3  | 3
            欧阳　明                         | 3  | 3
            'Hello world'                   | 2  | 10
            'WiFi、APP和Python'             | 5  | 15
            (1)加强组织                      | 5  | 7
            1.加强                           | 3  | 4
            2019—2021年                      | 4  | 10
            区—街道—社区                      | 7  | 7
            ①加强②落实                      | 6  | 6
            面积1200㎡                       | 4  | 7
            气温36.5℃                       | 4  | 7
            ※注意                           | 3  | 3
            □是　☑否                         | 4  | 4
            zj_czjxh@163.com               | 1  | 16
            0571-88031282                  | 1  | 13
            don’t                           | 1  | 5
            ’s                              | 2  | 2
            'Tab\tseparated'               | 2  | 12
            """)
    void probes(String text, int words, int nonWs) {
        String t = text == null ? "" : text;
        assertThat(CharCounter.wordCount(t)).as("wordCount(%s)", t).isEqualTo(words);
        assertThat(CharCounter.nonWhitespaceCodePoints(t)).as("nonWhitespaceCodePoints(%s)", t).isEqualTo(nonWs);
    }

    @Test
    void whitespaceOfEveryKindSeparatesAndIsNotCounted() {
        String[] spaces = {" ", "\t", "\n", "\r\n", "\f", "\u3000", "\u00A0", "\u202F", "\u2007", "\u200B",
                "\uFEFF", "\u2060", "\u0007", "\u000B"};
        for (String s : spaces) {
            String t = "APP" + s + "WiFi" + s;
            assertThat(CharCounter.wordCount(t)).as("separator U+%04X", (int) s.charAt(0)).isEqualTo(2);
            assertThat(CharCounter.nonWhitespaceCodePoints(t)).as("separator U+%04X", (int) s.charAt(0)).isEqualTo(7);
        }
    }

    @Test
    void formatCharactersAndCombiningMarksNeitherCountNorSplit() {
        assertThat(CharCounter.wordCount("co\u00ADoperate")).isEqualTo(1); // soft hyphen
        assertThat(CharCounter.wordCount("cafe\u0301 bar")).isEqualTo(2); // combining acute
        assertThat(CharCounter.wordCount("葛\uDB40\uDD00亮")).isEqualTo(2); // ideographic variation selector
        assertThat(CharCounter.nonWhitespaceCodePoints("co\u00ADoperate")).isEqualTo(9);
    }

    @Test
    void bomAtStartIsIgnored() {
        assertThat(CharCounter.wordCount("\uFEFF工作总结")).isEqualTo(4);
        assertThat(CharCounter.nonWhitespaceCodePoints("\uFEFF工作总结")).isEqualTo(4);
    }

    @Test
    void nullAndEmpty() {
        assertThat(CharCounter.wordCount(null)).isZero();
        assertThat(CharCounter.nonWhitespaceCodePoints(null)).isZero();
        assertThat(CharCounter.wordCount("")).isZero();
    }

    @Test
    void mixedSentence() {
        // 桥西(2) 街道(2) 2021(1) 年(1) 开展(2) 活动(2) 1,200(1) 余(1) 场(1) ，(1) 参与(2) 6000(1) 人次(2)
        // ，(1) 满意度(3) 96.8%(1) 。(1)  = 25
        String s = "桥西街道2021年开展活动1,200余场，参与6000人次，满意度96.8%。";
        assertThat(CharCounter.wordCount(s)).isEqualTo(25);
        assertThat(CharCounter.nonWhitespaceCodePoints(s)).isEqualTo(39);
    }

    @Test
    void mixedSentenceWithLatinWords() {
        // 利用(2) Excel(1) 表格(2) 和(1) AI(1) 工具(2) ，(1) 学习(2) Python(1) 编程(2) 。(1) = 16
        assertThat(CharCounter.wordCount("利用Excel表格和AI工具，学习 Python 编程。")).isEqualTo(16);
    }

    @Test
    void summarySample() throws Exception {
        String text = TextFixtures.summaryText();
        assertThat(text.codePointCount(0, text.length())).isEqualTo(2074);
        assertThat(CharCounter.nonWhitespaceCodePoints(text)).isEqualTo(2038);
        // 1651 Han + 206 CJK/full-width punctuation (incl. “”—·) + 55 runs of other characters
        assertThat(CharCounter.wordCount(text)).isEqualTo(1912);
    }

    @Test
    void stripWhitespaceKeepsOnlyCountedCodePoints() {
        assertThat(CharCounter.stripWhitespace("\uFEFF 工作\u3000总结\r\n56.3 %\u200B")).isEqualTo("工作总结56.3%");
    }
}
