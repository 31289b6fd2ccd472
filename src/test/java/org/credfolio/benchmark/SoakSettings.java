package org.credfolio.benchmark;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one soak run does, from system properties of its own ({@code benchmark.seconds} is 20 in the
 * Maven profile, meant for the other benchmarks' slices): {@code soak.seconds} (600), {@code
 * soak.rate} (operations started per second, 40), {@code soak.threads} (client threads, 32) and
 * {@code soak.mix} (per cent of operations of each kind, {@code
 * portfolio=50,verify=30,issue=15,share=5}). {@code soak.keep=true} keeps the server's logs, heap
 * histograms and store of a run that passed.
 */
record SoakSettings(Duration duration, double rate, int threads, Map<SoakOperation, Integer> mix) {

    static SoakSettings fromSystemProperties() {
        double rate = Double.parseDouble(System.getProperty("soak.rate", "40").strip());
        int seconds = Integer.parseInt(System.getProperty("soak.seconds", "600").strip());
        int threads = Integer.parseInt(System.getProperty("soak.threads", "32").strip());
        if (rate <= 0 || seconds <= 0 || threads <= 0) {
            throw new IllegalArgumentException("soak.rate, soak.seconds and soak.threads must be positive");
        }
        return new SoakSettings(
                Duration.ofSeconds(seconds),
                rate,
                threads,
                mix(System.getProperty("soak.mix", "portfolio=50,verify=30,issue=15,share=5")));
    }

    private static Map<SoakOperation, Integer> mix(String text) {
        Map<SoakOperation, Integer> mix = new EnumMap<>(SoakOperation.class);
        for (String part : text.split(",")) {
            String[] pair = part.split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("soak.mix: expected kind=percent, not " + part);
            }
            SoakOperation operation = SoakOperation.valueOf(pair[0].strip().toUpperCase(Locale.ROOT));
            mix.put(operation, Integer.parseInt(pair[1].strip()));
        }
        if (mix.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new IllegalArgumentException("soak.mix must add up to 100: " + text);
        }
        return mix;
    }

    /**
     * The operation of the {@code n}th start: a fixed interleaving (not random) so that every minute
     * carries the same mix, and minutes compare. 37 is prime to 100, so each run of 100 starts visits
     * every slot once, and the kinds are spread through it rather than in blocks.
     */
    SoakOperation operation(long n) {
        int slot = (int) (n * 37 % 100);
        int bound = 0;
        for (Map.Entry<SoakOperation, Integer> entry : mix.entrySet()) {
            bound += entry.getValue();
            if (slot < bound) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("mix does not cover slot " + slot);
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        mix.forEach((operation, percent) -> text.append(text.length() == 0 ? "" : ", ")
                .append(percent)
                .append("% ")
                .append(operation.label()));
        return text.toString();
    }
}
