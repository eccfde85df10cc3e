package zjlearn.probe.form;

/** A piece of a form file in reading order: a paragraph outside any table, or one table. */
sealed interface FormBlock {
    record Paragraph(String text) implements FormBlock {
    }

    record Table(Grid grid) implements FormBlock {
    }
}
