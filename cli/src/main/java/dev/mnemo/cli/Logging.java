package dev.mnemo.cli;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes java.util.logging (Mnemo's own, and PF4J's and JavaCPP's through slf4j-jdk14) to stderr as
 * one line per record: warnings only, or everything from INFO up with {@code --verbose}. PF4J's own
 * messages are silent unless verbose: {@code mnemo plugins} reports each plugin's state and problem
 * itself. JavaCPP's warnings are too: the one it prints on every oneDNN start says that
 * {@code org.bytedeco:opencl} 3.0-1.5.13 is older than javacpp 1.5.14, and no opencl 1.5.14 is
 * published on Maven Central; the CPU backend never loads OpenCL, so the warning tells a user nothing.
 */
final class Logging {
    /** Held so the configured level is not lost when the logger is collected. */
    private static final Logger PF4J = Logger.getLogger("org.pf4j");
    private static final Logger JAVACPP = Logger.getLogger("org.bytedeco");

    private static final String JAVACPP_LOGGER = "org.bytedeco.javacpp.logger";

    private Logging() {}

    static void configure(boolean verbose, PrintStream err) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler handler = new StreamHandler(err, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        Level level = verbose ? Level.INFO : Level.WARNING;
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
        PF4J.setLevel(verbose ? Level.INFO : Level.OFF);
        JAVACPP.setLevel(verbose ? Level.INFO : Level.SEVERE);
        if (System.getProperty(JAVACPP_LOGGER) == null) {
            System.setProperty(JAVACPP_LOGGER, "slf4j"); // else JavaCPP writes to System.err itself
        }
    }

    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String text = record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": " + formatMessage(record)
                    + System.lineSeparator();
            if (record.getThrown() != null && record.getLevel().intValue() >= Level.WARNING.intValue()) {
                text += "  " + record.getThrown() + System.lineSeparator();
            }
            return text;
        }
    }
}
