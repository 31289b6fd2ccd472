package org.credfolio.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forked server's live heap, through {@code jcmd <pid> GC.class_histogram}: a full collection
 * (the histogram counts live objects only) whose result the GC log gives, and what the live objects
 * are, by class. Two of them, before and after the load, say whether the heap grew and with what.
 */
final class ServerHeap {
    /** For example {@code    1:        123456       12345678  [B (java.base@17.0.15)}. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final long pid;
    private final GcLog gcLog;
    private final Path work;

    /** Live objects of one class: how many, and their bytes. */
    record Objects(long instances, long bytes) {
        Objects plus(Objects other) {
            return new Objects(instances + other.instances, bytes + other.bytes);
        }

        Objects minus(Objects other) {
            return new Objects(instances - other.instances, bytes - other.bytes);
        }
    }

    /** The heap after the full collection (-1 if unknown), and the live objects by class. */
    record Live(long heapAfterGc, Map<String, Objects> byClass) {
        static final Live UNKNOWN = new Live(-1, Map.of());

        /** The classes whose live bytes grew most since {@code before}, as "name +n MB (+instances)". */
        List<String> grewMost(Live before, int count) {
            List<Map.Entry<String, Objects>> growth = new ArrayList<>();
            byClass.forEach((name, now) ->
                    growth.add(Map.entry(name, now.minus(before.byClass.getOrDefault(name, new Objects(0, 0))))));
            growth.sort(Comparator.comparingLong((Map.Entry<String, Objects> entry) ->
                            entry.getValue().bytes())
                    .reversed());
            return growth.stream()
                    .limit(count)
                    .filter(entry -> entry.getValue().bytes() > 0)
                    .map(entry -> String.format(
                            Locale.ROOT,
                            "%s +%.1f MB (%+,d)",
                            entry.getKey(),
                            entry.getValue().bytes() / 1048576.0,
                            entry.getValue().instances()))
                    .toList();
        }
    }

    /** Reads {@code pid}'s heap; the histograms are kept in {@code work}, for a closer look. */
    ServerHeap(long pid, GcLog gcLog, Path work) {
        this.pid = pid;
        this.gcLog = gcLog;
        this.work = work;
    }

    /** Runs a full collection in the server and reads what is left; {@link Live#UNKNOWN} if jcmd failed. */
    Live live() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Live.UNKNOWN;
        }
        Path output = Files.createTempFile(work, "histogram-", ".txt");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            return Live.UNKNOWN;
        }
        Map<String, Objects> byClass = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                byClass.merge(
                        row.group(3),
                        new Objects(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        Objects::plus);
            }
        }
        return new Live(gcLog.next().lastFullAfter(), byClass);
    }
}
