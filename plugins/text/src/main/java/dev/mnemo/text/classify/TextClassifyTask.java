package dev.mnemo.text.classify;

import dev.mnemo.task.DataSource;
import dev.mnemo.text.data.Fortunes;
import org.pf4j.Extension;

/**
 * {@code text-classify}: which category does a text belong to? Built-in data: four categories of
 * the Debian {@code fortunes} corpus (computers, definitions, politics, songs-poems; 700 each);
 * with {@code --data}, any labelled texts.
 */
@Extension
public final class TextClassifyTask extends TextClassificationTask {
    /** Seed of the shuffle that picks 700 fortunes of each category; fixed, so the data set never changes. */
    private static final long CAP_SEED = 1;

    public TextClassifyTask() {
        super(new Profile("text-classify", "the category of a text: an LSTM over its words, any labels (--data)",
                new DataSource("fortunes-4", "Debian fortunes (BSD licence): computers, definitions, politics,"
                        + " songs-poems, 700 fortunes each", Fortunes.INSTALL_COMMAND),
                () -> Fortunes.categories(CAP_SEED),
                new ClassifierSettings("words", true, false, 1, 20000, 200, 64, 64, 1, true, "max", 0.5, 0.0, 4),
                30, 32, 2e-3));
    }
}
