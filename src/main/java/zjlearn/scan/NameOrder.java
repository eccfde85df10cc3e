package zjlearn.scan;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/** The order folder entries are read and reported in. */
final class NameOrder {
    /** Number prefixes sort numerically (2- before 10-), the rest by Chinese collation. */
    static final Comparator<String> NATURAL = naturalOrder();

    private NameOrder() {
    }

    private static Comparator<String> naturalOrder() {
        Collator collator = Collator.getInstance(Locale.CHINA);
        return (a, b) -> {
            long na = leadingNumber(a);
            long nb = leadingNumber(b);
            if (na >= 0 && nb >= 0 && na != nb) {
                return Long.compare(na, nb);
            }
            int c = collator.compare(a, b);
            return c != 0 ? c : a.compareTo(b);
        };
    }

    private static long leadingNumber(String s) {
        int i = 0;
        while (i < s.length() && i < 9 && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i == 0 ? -1 : Long.parseLong(s.substring(0, i));
    }
}
