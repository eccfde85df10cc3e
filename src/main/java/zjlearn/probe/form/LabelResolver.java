package zjlearn.probe.form;

import zjlearn.rules.LabelText;
import java.util.Optional;

/**
 * Maps the text of a table cell to the canonical name of a form field, or empty when the text is
 * not a known label. Implementations normalise the text first (see {@link LabelText#normalize}).
 */
@FunctionalInterface
public interface LabelResolver {
    Optional<String> resolve(String cellText);
}
