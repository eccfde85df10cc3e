package zjlearn.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rules file is wrong; each problem carries the file, line and column where it is. */
public class RulesException extends Exception {
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
        }
    }

    private final List<Problem> problems;

    public RulesException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
