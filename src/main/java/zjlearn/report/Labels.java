package zjlearn.report;

import zjlearn.i18n.Msg;
import zjlearn.rules.Severity;

import java.util.Locale;

/** Small fixed texts of the reports in both languages. */
final class Labels {
    private final Locale locale;

    Labels(Locale locale) {
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    /** The text under {@code key} (in {@code report_*.properties}) with its arguments. */
    String text(String key, Object... args) {
        return Msg.key(key, args).render(locale);
    }

    String severity(Severity s) {
        return text(s == Severity.ERROR ? "report.severity.error" : "report.severity.warning");
    }

    String render(Msg msg) {
        return msg == null ? "" : msg.render(locale);
    }

    boolean english() {
        return "en".equals(locale.getLanguage());
    }
}
