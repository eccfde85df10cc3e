package zjlearn.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/** A file-name wildcard ({@code *}, {@code ?}) matched case-insensitively against NFC names. */
public final class Glob {
    private final Pattern pattern;

    public Glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    public boolean matches(String name) {
        return pattern.matcher(Names.nfc(name).toLowerCase(Locale.ROOT)).matches()
                || pattern.matcher(Names.nfc(name)).matches();
    }
}
