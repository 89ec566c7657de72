package dev.mnemo.cli;

import dev.mnemo.kernel.Backends;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mnemo backends}: the kernel backends on the class path, which can run here, and the default. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the kernel backends, whether each can run here, and the default one.")
final class BackendsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final Console console;

    BackendsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Backends.Info> backends = Backends.list();
        String chosen = backends.stream().filter(b -> b.availability().available()).map(Backends.Info::name).findFirst().orElse(null);
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Backends.Info b : backends) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", b.name());
            one.put("priority", b.priority());
            one.put("available", b.availability().available());
            one.put("reason", b.availability().reason());
            json.add(one);
            text.append(String.format(Locale.ROOT, "%-10s %-9s %s%s%n", b.name(),
                    b.availability().available() ? "available" : "missing", b.availability().available() ? "" : b.availability().reason(),
                    b.name().equals(chosen) ? "(default)" : ""));
        }
        console.value(Map.of("backends", json, "default", String.valueOf(chosen)), text.toString(), global.json);
        return 0;
    }
}
