package zjlearn.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zjlearn.ValidationResult;
import zjlearn.check.Finding;
import zjlearn.rules.Rule;
import zjlearn.rules.Rules;
import zjlearn.rules.RulesLoader;
import zjlearn.scan.Submission;
import zjlearn.testing.Province;
import zjlearn.testing.Runs;
import zjlearn.testing.Trees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Packaging decides from the findings alone: rule, severity and the submissions a finding is about. */
class PackagePlanTest {
    @TempDir
    Path tmp;

    /** 嘉兴市 sends four stars where its quota is three; 杭州市 one compliant star. */
    private Path overQuota() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        for (String name : List.of("赵一", "钱二", "孙三", "周四")) {
            p.star("嘉兴市", name).write();
        }
        p.star("杭州市", "张三").write();
        return p.root();
    }

    private static Rules withSeverity(String rule, String severity) throws Exception {
        String yaml = Files.readString(Path.of("rules.yaml"), StandardCharsets.UTF_8)
                .replace("\nseverity:\n", "\nseverity:\n  " + rule + ": " + severity + "\n");
        return RulesLoader.parse(yaml, "other.yaml", Path.of("."))
                .withPreviousWinners(Runs.rules().previousWinners());
    }

    private static List<String> paths(List<PackagePlan.Outcome> outcomes, PackagePlan.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).map(o -> o.submission().path()).toList();
    }

    @Test
    void theQuotaFindingNamesTheSubmissionsItKeepsOutAndThePlanFollowsIt() throws IOException {
        ValidationResult result = Runs.validate(overQuota());
        List<Finding> quota = Runs.findings(result, "quota.exceeded");
        assertThat(quota).singleElement().satisfies(f -> {
            assertThat(f.submission()).isNull();
            assertThat(f.concerns()).hasSize(4).allSatisfy(path -> assertThat(path).startsWith("嘉兴市/百姓学习之星/"));
        });
        PackagePlan plan = PackagePlan.of(result, false);
        List<String> jiaxing = result.validation().scan().submissions().stream()
                .filter(s -> "嘉兴市".equals(s.unit())).map(Submission::path).toList();
        assertThat(paths(plan.outcomes(), PackagePlan.Status.OVER_QUOTA)).containsExactlyInAnyOrderElementsOf(quota.get(0).concerns())
                .containsExactlyInAnyOrderElementsOf(jiaxing);
        for (PackagePlan.Outcome o : plan.outcomes()) {
            if (o.status() == PackagePlan.Status.OVER_QUOTA) {
                assertThat(o.reason()).isSameAs(quota.get(0).message());
                assertThat(o.fix()).isSameAs(quota.get(0).fix());
                assertThat(o.rules()).containsExactly(Rule.QUOTA_EXCEEDED);
            }
        }
        PackagePlan.UnitPlan unit = plan.units().stream().filter(u -> "嘉兴市".equals(u.unit())).findFirst().orElseThrow();
        assertThat(unit.excluded()).containsExactly(quota.get(0).message());
        assertThat(unit.packaged()).isFalse();
        // the quota is told by the submissions it keeps out, not again as a file left out
        assertThat(plan.leftOut()).extracting(Finding::rule).doesNotContain(Rule.QUOTA_EXCEEDED);
    }

    @Test
    void aQuotaLoweredToAWarningStillKeepsTheCategoryOutButOffLetsItThrough() throws Exception {
        Path root = overQuota();
        ValidationResult warned = Runs.validate(withSeverity("quota.exceeded", "warning"), root);
        assertThat(Runs.findings(warned, "quota.exceeded")).singleElement()
                .satisfies(f -> assertThat(f.isError()).isFalse());
        assertThat(paths(PackagePlan.of(warned, false).outcomes(), PackagePlan.Status.OVER_QUOTA)).hasSize(4);

        ValidationResult off = Runs.validate(withSeverity("quota.exceeded", "off"), root);
        assertThat(Runs.findings(off, "quota.exceeded")).isEmpty();
        PackagePlan plan = PackagePlan.of(off, false);
        assertThat(paths(plan.outcomes(), PackagePlan.Status.OVER_QUOTA)).isEmpty();
        assertThat(plan.units()).allSatisfy(u -> assertThat(u.excluded()).isEmpty());
    }

    @Test
    void eachOutcomeHasOneFirstProblem() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        Path zhang = p.star("杭州市", "张三").folder("01-张三").write();
        Files.writeString(zhang.resolve("备注.txt"), "请尽快处理");
        p.star("杭州市", "李四").folder("02-李四").set("联系电话", "").write();
        ValidationResult result = Runs.validate(p.root());
        PackagePlan plan = PackagePlan.of(result, false);
        PackagePlan.Outcome accepted = outcome(plan, "01-张三");
        PackagePlan.Outcome rejected = outcome(plan, "02-李四");
        Finding warning = result.findingsOf(accepted.submission()).get(0);
        assertThat(warning.isError()).isFalse();
        assertThat(accepted.accepted()).isTrue();
        assertThat(accepted.problem()).isSameAs(warning.message());
        assertThat(accepted.reason()).isNull();
        assertThat(accepted.fix()).isNull();
        Finding error = result.findingsOf(rejected.submission()).stream().filter(Finding::isError).findFirst().orElseThrow();
        assertThat(rejected.status()).isEqualTo(PackagePlan.Status.REJECTED);
        assertThat(rejected.problem()).isSameAs(error.message()).isSameAs(rejected.reason());
        assertThat(rejected.fix()).isSameAs(error.fix());

        // with --strict the warning keeps 张三 out, and it is the one problem told
        PackagePlan strict = PackagePlan.of(result, true);
        assertThat(outcome(strict, "01-张三").reason()).isSameAs(warning.message());
        assertThat(outcome(strict, "01-张三").rules()).contains(warning.rule());
    }

    @Test
    void aSecondVersionOfAUnitNamesTheSubmissionsItKeepsOut() throws IOException {
        Province p = new Province(tmp.resolve("省"));
        p.star("杭州市", "张三").write();
        p.star("宁波市", "李四").write();
        Trees.copy(p.unit("杭州市"), p.root().resolve("杭州市（修改版）"));
        ValidationResult result = Runs.validate(p.root());
        Finding version = Runs.findings(result, "layout.duplicate-version").stream().filter(f -> f.submission() == null)
                .findFirst().orElseThrow();
        List<String> hangzhou = result.validation().scan().submissions().stream()
                .filter(s -> "杭州市".equals(s.unit())).map(Submission::path).toList();
        assertThat(version.concerns()).containsExactlyInAnyOrderElementsOf(hangzhou).isNotEmpty();
        PackagePlan plan = PackagePlan.of(result, false);
        assertThat(plan.outcomes()).filteredOn(o -> "杭州市".equals(o.submission().unit())).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(PackagePlan.Status.REJECTED);
            assertThat(o.reason()).isSameAs(version.message());
            assertThat(o.rules()).containsExactly(Rule.LAYOUT_DUPLICATE_VERSION);
        });
        assertThat(plan.outcomes()).filteredOn(o -> "宁波市".equals(o.submission().unit()))
                .allSatisfy(o -> assertThat(o.accepted()).isTrue());
        assertThat(plan.outcomes()).allSatisfy(o -> assertThat(o.status().label().render(Locale.ENGLISH))
                .isIn("accepted", "rejected"));
    }

    private static PackagePlan.Outcome outcome(PackagePlan plan, String folder) {
        return plan.outcomes().stream().filter(o -> o.submission().path().endsWith("/" + folder)).findFirst().orElseThrow();
    }
}
