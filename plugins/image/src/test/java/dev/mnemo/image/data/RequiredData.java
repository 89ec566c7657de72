package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Data a test needs from the machine: where it is missing the test is skipped, unless
 * {@code MNEMO_REQUIRE_DATA=1} (CI, after its install step), where it fails with the install command.
 */
public final class RequiredData {
    private RequiredData() {}

    /** The Debian Fashion-MNIST files ({@link FashionMnist#DEFAULT_DIR}). */
    public static void fashionMnist() {
        if (FashionMnist.isInstalled(FashionMnist.DEFAULT_DIR)) {
            return;
        }
        String problem = FashionMnist.DEFAULT_DIR + " lacks the Fashion-MNIST files; install them with: "
                + FashionMnist.INSTALL_COMMAND;
        if ("1".equals(System.getenv("MNEMO_REQUIRE_DATA"))) {
            fail(problem);
        }
        assumeTrue(false, problem);
    }
}
