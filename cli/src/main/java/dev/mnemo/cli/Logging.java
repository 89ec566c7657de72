package dev.mnemo.cli;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Routes java.util.logging (Mnemo's own, and PF4J's through slf4j-jdk14) to stderr as one line per
 * record: warnings only, or everything from INFO up with {@code --verbose}. PF4J's own messages are
 * silent unless verbose: {@code mnemo plugins} reports each plugin's state and problem itself.
 */
final class Logging {
    /** Held so the configured level is not lost when the logger is collected. */
    private static final Logger PF4J = Logger.getLogger("org.pf4j");

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
