package zjlearn.probe;

import zjlearn.rules.FileType;
import zjlearn.probe.form.FormContent;
import zjlearn.probe.form.FormReader;
import zjlearn.rules.Rules;
import zjlearn.scan.InputFile;
import zjlearn.scan.Scanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which category's forms some files hold, by the labels inside them: a 推荐表 with a 项目名称 is a project's, one
 * with a 姓名 a star's. Used only for what the scan cannot place by name (a submission folder missing its category
 * level, a list form in the unit folder); a file that cannot be read simply tells nothing.
 */
public final class FormCategory implements Scanner.CategoryGuess {
    private static final Set<FileType> FORM_TYPES = Set.of(FileType.DOCX, FileType.DOC, FileType.XLSX, FileType.XLS);
    /** Forms larger than this are not opened just to guess a category. */
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private final Rules rules;

    public FormCategory(Rules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<String> of(List<InputFile> files) {
        List<String> found = new ArrayList<>();
        for (InputFile file : files) {
            if (file.size() == 0 || file.size() > MAX_BYTES) {
                continue;
            }
            FileType type;
            try {
                type = TypeSniffer.sniff(file.path());
            } catch (Exception | StackOverflowError e) {
                continue;
            }
            if (!FORM_TYPES.contains(type)) {
                continue;
            }
            for (String category : rules.categories().keySet()) {
                if (holdsFormOf(file, type, category) && !found.contains(category)) {
                    found.add(category);
                }
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Whether the file carries the title field of the category's nomination form, or the key column of its list. */
    private boolean holdsFormOf(InputFile file, FileType type, String categoryId) {
        Rules.CategoryDef category = rules.category(categoryId);
        List<String> formIds = new ArrayList<>();
        formIds.add(category.nominationForm());
        if (category.registrationForm() != null) {
            formIds.add(category.registrationForm());
        }
        for (String formId : formIds) {
            Rules.FormDef form = rules.form(formId);
            String key = form.kind() == Rules.FormKind.LIST ? form.keyField() : category.titleField();
            try {
                FormContent content = FormReader.read(file.path(), type, Prober.resolver(form));
                boolean has = form.kind() == Rules.FormKind.LIST
                        ? content.records().stream().anyMatch(r -> !r.getOrDefault(key, "").isBlank())
                        : !content.allFields().getOrDefault(key, "").isBlank();
                if (has) {
                    return true;
                }
            } catch (Exception | StackOverflowError e) {
                // unreadable: it tells nothing
            }
        }
        return false;
    }
}
