package dev.mnemo.benchmarks.endtoend;

import dev.mnemo.kernel.Backends;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Mnemo side of {@code benchmarks/peers/side_by_side.py}. Two modes:
 * <ul>
 *   <li>{@code serve}: reads commands from stdin, one per line, and answers each with one JSON
 *       line on stdout, so the script can alternate PyTorch and Mnemo blocks in one session
 *       while this JVM stays warm:
 *       <pre>
 *       backends                       -> {"available": ["onednn", ...], "default": "onednn"}
 *       run WORKLOAD BACKEND STEPS     -> {"workload": ..., "backend": ..., "ms": [per-step ms, ...]}
 *       quit
 *       </pre>
 *       WORKLOAD is one of {@link Workloads#NAMES}; BACKEND a backend name or {@code default}.
 *       Models are built on first use and kept (training continues across blocks). A failing
 *       command answers {@code {"error": "..."}} and the session goes on.</li>
 *   <li>{@code memory [STEPS]}: the flat-memory run ({@link MemoryRun}, default 10,000 steps),
 *       in a fresh JVM so the figures are this run's alone.</li>
 * </ul>
 *
 * <pre>java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar dev.mnemo.benchmarks.endtoend.EndToEnd memory</pre>
 */
public final class EndToEnd {
    private EndToEnd() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "" : args[0];
        switch (mode) {
            case "serve" -> serve();
            case "memory" -> System.out.println(MemoryRun.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000));
            default -> {
                System.err.println("usage: EndToEnd serve | EndToEnd memory [STEPS]");
                System.exit(2);
            }
        }
    }

    private static void serve() throws Exception {
        Map<String, Workload> built = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
            String[] words = line.strip().split("\\s+");
            String answer;
            try {
                answer = switch (words[0]) {
                    case "backends" -> backends();
                    case "run" -> {
                        if (words.length != 4) {
                            throw new IllegalArgumentException("usage: run WORKLOAD BACKEND STEPS");
                        }
                        Workload w = built.computeIfAbsent(words[1] + " " + words[2], k -> Workloads.create(words[1], words[2]));
                        yield "{\"workload\": \"" + words[1] + "\", \"backend\": \"" + words[2] + "\", \"ms\": "
                                + array(w.run(Integer.parseInt(words[3]))) + "}";
                    }
                    default -> throw new IllegalArgumentException("unknown command '" + words[0] + "'");
                };
            } catch (RuntimeException e) {
                answer = "{\"error\": \"" + String.valueOf(e).replace("\\", "\\\\").replace("\"", "'") + "\"}";
            }
            System.out.println(answer);
            System.out.flush();
        }
        built.values().forEach(Workload::close);
    }

    private static String backends() {
        StringJoiner names = new StringJoiner("\", \"", "[\"", "\"]");
        Backends.list().stream().filter(i -> i.availability().available()).forEach(i -> names.add(i.name()));
        return "{\"available\": " + names + ", \"default\": \"" + Backends.get().name() + "\"}";
    }

    private static String array(double[] values) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double v : values) {
            j.add(String.format(java.util.Locale.ROOT, "%.4f", v));
        }
        return j.toString();
    }
}
