package zjlearn.report;

import zjlearn.check.Msg;
import zjlearn.rules.Severity;

import java.util.Locale;

/** Small fixed texts of the reports in both languages. */
final class Labels {
    private final Locale locale;

    Labels(Locale locale) {
        this.locale = locale;
    }

    String t(String zh, String en, Object... args) {
        return Msg.of(zh, en, args).render(locale);
    }

    String severity(Severity s) {
        return s == Severity.ERROR ? t("错误", "error") : t("警告", "warning");
    }

    String render(Msg msg) {
        return msg == null ? "" : msg.render(locale);
    }

    boolean english() {
        return "en".equals(locale.getLanguage());
    }
}
