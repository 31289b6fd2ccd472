package org.credfolio.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Picks items with given relative weights, so generated data has realistic proportions. */
final class Weighted<T> {
    private final List<T> items = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weighted<T> add(T item, double weight) {
        if (weight > 0) {
            total += weight;
            items.add(item);
            cumulative.add(total);
        }
        return this;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    T pick(Random random) {
        double point = random.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            if (point < cumulative.get(i)) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }
}
