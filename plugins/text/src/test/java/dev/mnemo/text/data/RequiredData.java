package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;

/**
 * Data a test needs from the machine: where it is missing the test is skipped, unless
 * {@code MNEMO_REQUIRE_DATA=1} (CI, after its install step), where it fails with the install command.
 */
public final class RequiredData {
    private RequiredData() {}

    /** The Debian fortunes corpus ({@link Fortunes#DEFAULT_DIR}). */
    public static void fortunes() {
        if (Files.isDirectory(Fortunes.DEFAULT_DIR)) {
            return;
        }
        String problem = Fortunes.DEFAULT_DIR + " is missing; install it with: " + Fortunes.INSTALL_COMMAND;
        if ("1".equals(System.getenv("MNEMO_REQUIRE_DATA"))) {
            fail(problem);
        }
        assumeTrue(false, problem);
    }
}
