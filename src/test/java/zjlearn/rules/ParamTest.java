package zjlearn.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of a rule's own setting accepts its values and names what is wrong with others, in both languages. */
class ParamTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void eachKindAcceptsItsValues() throws Exception {
        assertThat(Param.integer("a.b", 1).problem(json("5"))).isEmpty();
        assertThat(Param.number("a.b", 0.5).problem(json("0.75"))).isEmpty();
        assertThat(Param.text("a.b").problem(json("\"H.265\""))).isEmpty();
        assertThat(Param.flag("a.b").problem(json("true"))).isEmpty();
        assertThat(Param.integer("video.minKbps", 1).pointer()).isEqualTo("/video/minKbps");
    }

    @Test
    void otherValuesAreNamedWithWhatIsWanted() throws Exception {
        assertThat(Param.integer("a.b", 1).problem(json("2.5")).orElseThrow().render(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("a.b 应为整数，现在是“2.5”");
        assertThat(Param.number("a.b", 0.5).problem(json("0.25")).orElseThrow().render(Locale.ENGLISH))
                .isEqualTo("a.b must be at least 0.5, not 0.25");
        assertThat(Param.text("a.b").problem(json("\"  \""))).isPresent();
        assertThat(Param.flag("a.b").problem(json("[1, 2]")).orElseThrow().render(Locale.ENGLISH))
                .isEqualTo("a.b must be true or false, not \"[1,2]\"");
    }
}
