package zjlearn.check;

import zjlearn.i18n.Msg;
import zjlearn.rules.FileType;
import zjlearn.rules.Rules;

import java.util.List;
import java.util.Locale;

/** Display names of things from rules.yaml, in both languages. */
final class Texts {
    private Texts() {
    }

    /**
     * A name the rules file (or a file type) gives in both languages: the Chinese name, and the English one
     * where there is one, else the Chinese again.
     */
    static Msg named(String zh, String en) {
        return Msg.key("text.name", zh, en == null || en.isEmpty() ? zh : en);
    }

    static Msg role(Rules rules, String roleId) {
        if (roleId == null) {
            return Msg.key("text.role.unrecognised");
        }
        Rules.RoleDef role = rules.role(roleId);
        return named(role.name(), role.nameEn());
    }

    static Msg roles(Rules rules, List<String> roleIds) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (String id : roleIds) {
            Rules.RoleDef role = rules.role(id);
            zh.append(zh.length() == 0 ? "" : "或").append(role.name());
            en.append(en.length() == 0 ? "" : " or ").append(role.nameEn() == null ? role.name() : role.nameEn());
        }
        return named(zh.toString(), en.toString());
    }

    static Msg category(Rules rules, String categoryId) {
        Rules.CategoryDef c = rules.category(categoryId);
        return named(c.name(), c.nameEn());
    }

    /**
     * Every category of the rules file at once, for a quota that covers them all: “百姓学习之星”“终身学习品牌项目”
     * in Chinese, "Learning Star and Lifelong Learning Brand Project" in English.
     */
    static Msg allCategories(Rules rules) {
        StringBuilder zh = new StringBuilder();
        List<String> en = new java.util.ArrayList<>();
        for (Rules.CategoryDef c : rules.categories().values()) {
            zh.append('“').append(c.name()).append('”');
            en.add(c.nameEn() == null || c.nameEn().isEmpty() ? c.name() : c.nameEn());
        }
        String english = en.size() <= 1 ? String.join("", en)
                : String.join(", ", en.subList(0, en.size() - 1)) + " and " + en.get(en.size() - 1);
        return named(zh.toString(), english);
    }

    /**
     * The text under {@code key}, or — when the rules file quotes the notice's own words for it ({@code noticeWords})
     * — the text under {@code key.notice}, which takes those words as its last argument.
     */
    static Msg noticed(String key, String noticeWords, Object... args) {
        if (noticeWords == null || noticeWords.isBlank()) {
            return Msg.key(key, args);
        }
        Object[] withWords = java.util.Arrays.copyOf(args, args.length + 1);
        withWords[args.length] = noticeWords.strip();
        return Msg.key(key + ".notice", withWords);
    }

    static Msg type(FileType type) {
        return Msg.key(type.labelKey());
    }

    static Msg types(List<String> typeIds) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (String id : typeIds) {
            FileType t = FileType.fromId(id);
            zh.append(zh.length() == 0 ? "" : "、").append(t.displayName(Locale.CHINA));
            en.append(en.length() == 0 ? "" : ", ").append(t.displayName(Locale.ENGLISH));
        }
        return named(zh.toString(), en.toString());
    }

    /** A date as Chinese readers write it (2021年8月31日), ISO in English. */
    static Msg date(java.time.LocalDate date) {
        return Msg.key("text.date", String.valueOf(date.getYear()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getDayOfMonth()), date.toString());
    }

    static Msg count(int n) {
        return Msg.key("text.count", String.valueOf(n));
    }

    static Msg countRange(Rules.FileCount c) {
        Integer min = c.min();
        Integer max = c.max();
        if (max != null && max == 0) {
            return Msg.key("text.count.none");
        }
        if (min != null && max != null && min.equals(max)) {
            return Msg.key("text.count.exactly", String.valueOf(min));
        }
        if (min != null && max != null) {
            return Msg.key("text.count.between", String.valueOf(min), String.valueOf(max));
        }
        if (min != null) {
            return Msg.key("text.count.at-least", String.valueOf(min));
        }
        return Msg.key("text.count.at-most", String.valueOf(max));
    }
}
