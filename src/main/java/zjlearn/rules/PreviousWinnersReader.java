package zjlearn.rules;

import zjlearn.i18n.Msg;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the list of earlier recognitions: CSV with the columns 年份,类别,名称,单位[,身份证号码], a header row,
 * {@code #} comments, UTF-8 (with or without BOM) or GBK as Excel saves it on Chinese Windows.
 */
final class PreviousWinnersReader {
    private PreviousWinnersReader() {
    }

    static List<Rules.PreviousWinner> read(byte[] bytes, String source, Map<String, Rules.CategoryDef> categories)
            throws RulesException {
        String text = decode(bytes).replace("\uFEFF", "");
        List<Rules.PreviousWinner> winners = new ArrayList<>();
        List<RulesException.Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r");
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = splitCsv(line);
            if (!headerSeen) {
                headerSeen = true;
                if (!cells.isEmpty() && !cells.get(0).matches("\\d{4}")) {
                    continue;
                }
            }
            if (cells.size() < 3) {
                problems.add(new RulesException.Problem(source, lineNo, 1, Msg.key("rulesfile.previous-winners.columns")));
                continue;
            }
            String year = cells.get(0).strip();
            if (!year.matches("\\d{4}")) {
                problems.add(new RulesException.Problem(source, lineNo, 1, Msg.key("rulesfile.previous-winners.year", year)));
                continue;
            }
            String category = categoryId(cells.get(1).strip(), categories);
            if (category == null) {
                problems.add(new RulesException.Problem(source, lineNo, 1, Msg.key("rulesfile.previous-winners.category",
                        cells.get(1), List.copyOf(categories.keySet()))));
                continue;
            }
            String unit = cells.size() > 3 ? cells.get(3).strip() : "";
            String id = cells.size() > 4 ? Names.key(cells.get(4)).toUpperCase(java.util.Locale.ROOT) : "";
            winners.add(new Rules.PreviousWinner(Integer.parseInt(year), category, cells.get(2).strip(), unit, id, source, lineNo));
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return winners;
    }

    private static String categoryId(String text, Map<String, Rules.CategoryDef> categories) {
        for (Map.Entry<String, Rules.CategoryDef> e : categories.entrySet()) {
            Rules.CategoryDef c = e.getValue();
            if (e.getKey().equalsIgnoreCase(text) || Names.key(c.name()).equals(Names.key(text))
                    || c.aliases().stream().anyMatch(a -> Names.key(a).equals(Names.key(text)))) {
                return e.getKey();
            }
        }
        return null;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** Splits one CSV line, honouring double quotes ("a,b" and "" for a quote). */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '，') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
