package zjlearn.cli;

import zjlearn.i18n.Msg;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import zjlearn.archive.ArchiveMounter;
import zjlearn.probe.Inspector;
import zjlearn.rules.Rules;
import zjlearn.rules.Vocabulary;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "显示程序从文件中读到的内容：表格栏目、字数、照片和视频参数",
        footerHeading = "%n示例：%n",
        footer = {"  zjlearn inspect 视频.mp4", "  zjlearn inspect --format json 推荐表.docx 证件照.jpg"})
final class InspectCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", arity = "1..*", descriptionKey = "files", description = "要查看的文件")
    List<Path> files;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "输出格式")
    Format format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Rules rules = common.loadRules(err);
        if (rules == null) {
            return ExitCode.USAGE.code();
        }
        Inspector inspector = new Inspector(new Vocabulary(rules), common.locale());
        List<Map<String, Object>> all = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println(zjlearn.i18n.Msg.key("cli.file-not-found", file)
                        .render(common.locale()));
                return ExitCode.USAGE.code();
            }
            all.add(ArchiveMounter.isArchiveName(String.valueOf(file.getFileName()))
                    ? new ArchiveMounter(new Vocabulary(rules)).inspect(file) : inspector.inspect(file));
        }
        if (format == Format.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(all.size() == 1 ? all.get(0) : all));
        } else {
            for (Map<String, Object> facts : all) {
                print(out, facts, "");
                out.println();
            }
        }
        out.flush();
        return all.stream().anyMatch(f -> f.containsKey("error") || f.containsKey("problems")) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> map, String indent) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested) {
                out.println(indent + e.getKey() + ":");
                print(out, (Map<String, Object>) nested, indent + "  ");
            } else if (e.getValue() instanceof List<?> list) {
                out.println(indent + e.getKey() + ": (" + list.size() + ")");
                for (Object item : list) {
                    out.println(indent + "  - " + item);
                }
            } else {
                out.println(indent + e.getKey() + ": " + e.getValue());
            }
        }
    }
}
