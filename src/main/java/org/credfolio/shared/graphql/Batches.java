package org.credfolio.shared.graphql;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one shape of every {@code @BatchMapping} that follows references: collect the ids the sources
 * point at, load them in one call, and hand each source what it points at. Sources whose reference
 * is missing or dangling are left out of the map, which GraphQL shows as null.
 */
public final class Batches {
    private Batches() {}

    /** Each source refers to at most one target. */
    public static <S, K, T> Map<S, T> one(
            List<S> sources, Function<S, K> ref, Function<Collection<K>, List<T>> load, Function<T, K> id) {
        Set<K> keys = sources.stream().map(ref).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<K, T> found = index(keys.isEmpty() ? List.of() : load.apply(keys), id);
        return sources.stream()
                .filter(s -> found.containsKey(ref.apply(s)))
                .collect(Collectors.toMap(s -> s, s -> found.get(ref.apply(s)), (a, b) -> a));
    }

    /** Each source refers to a list of targets, kept in the source's order. */
    public static <S, K, T> Map<S, List<T>> many(
            List<S> sources, Function<S, List<K>> refs, Function<Collection<K>, List<T>> load, Function<T, K> id) {
        Set<K> keys = sources.stream()
                .map(refs)
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .collect(Collectors.toSet());
        Map<K, T> found = index(keys.isEmpty() ? List.of() : load.apply(keys), id);
        return sources.stream().collect(Collectors.toMap(s -> s, s -> pick(refs.apply(s), found), (a, b) -> a));
    }

    private static <K, T> Map<K, T> index(List<T> items, Function<T, K> id) {
        return items.stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
    }

    private static <K, T> List<T> pick(List<K> keys, Map<K, T> found) {
        return keys == null
                ? List.of()
                : keys.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
