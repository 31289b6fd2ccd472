package org.credfolio.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forked server's unified GC log ({@code -Xlog:gc:file=...}), read a stretch at a time: what
 * each pause left on the heap. Heap in use after a collection is the measure that can show a leak;
 * heap in use at a random moment mostly shows where the allocation sawtooth happened to be. Reading
 * the log, rather than asking for {@code System.gc()}, leaves the server's collections alone.
 */
final class GcLog {
    /** For example {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 84M->31M(256M) 4.321ms}. */
    private static final Pattern PAUSE =
            Pattern.compile("GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\) ([\\d.]+)ms");

    private final Path file;
    private long offset;

    /**
     * What the collections of one stretch of the run did: how many pauses (and of them mixed or full,
     * which reclaim the old generation), their time, and the heap they left: the lowest, the last,
     * and the last full collection's (-1 for none).
     */
    record Stretch(
            int pauses,
            int oldPauses,
            double pauseMillis,
            double maxPauseMillis,
            long minAfter,
            long lastAfter,
            long lastFullAfter) {
        static final Stretch NONE = new Stretch(0, 0, 0, 0, -1, -1, -1);

        Stretch with(String kind, long after, double millis) {
            boolean full = kind.contains("Full");
            boolean old = full || kind.contains("Mixed");
            return new Stretch(
                    pauses + 1,
                    oldPauses + (old ? 1 : 0),
                    pauseMillis + millis,
                    Math.max(maxPauseMillis, millis),
                    minAfter < 0 ? after : Math.min(minAfter, after),
                    after,
                    full ? after : lastFullAfter);
        }
    }

    GcLog(Path file) {
        this.file = file;
    }

    /** The pauses logged since the previous call. */
    Stretch next() throws IOException {
        if (!Files.exists(file)) {
            return Stretch.NONE;
        }
        String text;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            byte[] bytes = new byte[(int) (end - offset)];
            in.seek(offset);
            in.readFully(bytes);
            // Only whole lines: the JVM may be half way through writing the last one.
            int lastNewline = lastIndexOf(bytes, (byte) '\n');
            text = new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8);
            offset += lastNewline + 1;
        }
        Stretch stretch = Stretch.NONE;
        Matcher pause = PAUSE.matcher(text);
        while (pause.find()) {
            stretch = stretch.with(
                    pause.group(1), bytes(pause.group(4), pause.group(5)), Double.parseDouble(pause.group(6)));
        }
        return stretch;
    }

    private static int lastIndexOf(byte[] bytes, byte wanted) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
