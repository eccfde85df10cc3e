package zjlearn.check;

import org.junit.jupiter.api.Test;
import zjlearn.rules.Rule;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The video check finds its parts by ServiceLoader: none is lost, none twice, every video rule has one, in order. */
class VideoCheckPartsTest {
    @Test
    void everyPartIsFoundOnceInTheOrderOfTheRulesItReports() {
        assertThat(VideoCheck.parts()).extracting(p -> p.getClass().getSimpleName())
                .containsExactly("VideoFormatCheck", "VideoPictureCheck", "VideoTimingCheck", "VideoAudioCheck", "VideoBitrateCheck");
    }

    @Test
    void everyVideoRuleIsReportedByExactlyOnePart() {
        Set<Rule> video = Stream.of(Rule.values()).filter(r -> r.id().startsWith("video.")).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        for (Rule rule : video) {
            assertThat(VideoCheck.parts().stream().filter(p -> p.emits().contains(rule))).as(rule.id()).hasSize(1);
        }
        assertThat(new VideoCheck().emits()).containsAll(video);
    }
}
