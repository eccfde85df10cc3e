package zjlearn.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The campaign's own words as a rule's meaning and fix use them, taken from the rules file in force
 * (never written into code): a different year's file gets its own category, folder and format names.
 * A section the file leaves out gives an empty word, never an exception.
 */
final class Words {
    private Words() {
    }

    static String roleNames(Rules r) {
        return r.roles().values().stream().map(Rules.RoleDef::name).distinct().collect(Collectors.joining("、"));
    }

    static String firstUnit(Rules r) {
        return r.units().isEmpty() ? "" : r.units().get(0).name();
    }

    static String nationalFolders(Rules r) {
        return r.categories().values().stream().map(Rules.CategoryDef::national).filter(Objects::nonNull)
                .map(Rules.National::folder).distinct().collect(Collectors.joining("、"));
    }

    static String idPhotoSize(Rules r) {
        return r.images() == null || r.images().idPhoto() == null ? "" : r.images().idPhoto().sizeName();
    }

    static String container(Rules r) {
        Rules.Video v = r.video();
        return v == null ? "" : v.containerWord();
    }

    static String codec(Rules r) {
        Rules.Video v = r.video();
        return v == null ? "" : v.codecWord();
    }

    static String videoSize(Rules r) {
        return r.video() == null ? "" : r.video().width() + "×" + r.video().height();
    }

    static String fps(Rules r) {
        return r.video() == null ? "" : number(r.video().fps());
    }

    static String verifiedField(Rules r) {
        Rules.PreviousWinnersFile p = previousWinners(r);
        return p == null || p.verifiedField() == null ? "" : p.verifiedField();
    }

    static String differentPhrase(Rules r) {
        Rules.PreviousWinnersFile p = previousWinners(r);
        return p == null ? "" : p.differentPhrases().values().stream().flatMap(List::stream).findFirst().orElse("");
    }

    static String unitSuffixes(Rules r) {
        Rules.Eligibility e = r.eligibility();
        return e == null || e.projectName() == null ? "" : e.projectName().unitSuffixes().stream().limit(3)
                .map(s -> "“" + s + "”").collect(Collectors.joining());
    }

    private static Rules.PreviousWinnersFile previousWinners(Rules r) {
        return r.eligibility() == null ? null : r.eligibility().previousWinners();
    }

    /** 25 rather than 25.0; 29.97 as it is. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }
}
