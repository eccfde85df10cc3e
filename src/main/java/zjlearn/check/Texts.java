package zjlearn.check;

import zjlearn.probe.FileType;
import zjlearn.rules.Rules;

import java.util.List;
import java.util.Locale;

/** Display names of things from rules.yaml, in both languages. */
final class Texts {
    private Texts() {
    }

    static Msg role(Rules rules, String roleId) {
        if (roleId == null) {
            return Msg.of("未识别", "unrecognised");
        }
        Rules.RoleDef role = rules.role(roleId);
        return Msg.of(role.name(), role.nameEn() == null ? role.name() : role.nameEn());
    }

    static Msg roles(Rules rules, List<String> roleIds) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (String id : roleIds) {
            Rules.RoleDef role = rules.role(id);
            zh.append(zh.length() == 0 ? "" : "或").append(role.name());
            en.append(en.length() == 0 ? "" : " or ").append(role.nameEn() == null ? role.name() : role.nameEn());
        }
        return Msg.of(zh.toString(), en.toString());
    }

    static Msg category(Rules rules, String categoryId) {
        Rules.CategoryDef c = rules.category(categoryId);
        return Msg.of(c.name(), c.nameEn() == null ? c.name() : c.nameEn());
    }

    static Msg type(FileType type) {
        return Msg.of(type.displayName(Locale.CHINA), type.displayName(Locale.ENGLISH));
    }

    static Msg types(List<String> typeIds) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (String id : typeIds) {
            FileType t = FileType.fromId(id);
            zh.append(zh.length() == 0 ? "" : "、").append(t.displayName(Locale.CHINA));
            en.append(en.length() == 0 ? "" : ", ").append(t.displayName(Locale.ENGLISH));
        }
        return Msg.of(zh.toString(), en.toString());
    }

    /** A date as Chinese readers write it (2021年8月31日), ISO in English. */
    static Msg date(java.time.LocalDate date) {
        return Msg.of("{0}年{1}月{2}日", "{3}", String.valueOf(date.getYear()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getDayOfMonth()), date.toString());
    }

    static Msg count(int n) {
        return Msg.of("{0} 份", "{0}", String.valueOf(n));
    }

    static Msg countRange(Rules.FileCount c) {
        Integer min = c.min();
        Integer max = c.max();
        if (max != null && max == 0) {
            return Msg.of("不应有", "none");
        }
        if (min != null && max != null && min.equals(max)) {
            return Msg.of("{0} 份", "exactly {0}", String.valueOf(min));
        }
        if (min != null && max != null) {
            return Msg.of("{0}–{1} 份", "{0} to {1}", String.valueOf(min), String.valueOf(max));
        }
        if (min != null) {
            return Msg.of("至少 {0} 份", "at least {0}", String.valueOf(min));
        }
        return Msg.of("至多 {0} 份", "at most {0}", String.valueOf(max));
    }
}
