package org.credfolio.imports.attainments;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.credfolio.catalog.CredentialDefinition;

/**
 * Finds the catalog credential a file's {@code credential} cell means: by catalog id, then by the
 * district's state code (a Texas IBC code such as {@code 010}; leading zeros optional), then by exact
 * name, then by name normalized (case, accents, punctuation, "&amp;" for "and", trademark signs).
 * A cell that matches nothing, or more than one credential at the first step that matches, is not
 * guessed: the answer carries the closest names as suggestions.
 */
final class CredentialMatcher {
    private static final int SUGGESTIONS = 3;
    private final Map<String, CredentialDefinition> byId = new HashMap<>();
    private final Map<String, List<CredentialDefinition>> byStateCode = new HashMap<>();
    private final Map<String, List<CredentialDefinition>> byName = new HashMap<>();
    private final Map<String, List<CredentialDefinition>> byNormalizedName = new HashMap<>();
    private final List<CredentialDefinition> all;

    /** @param state the district's state (such as {@code TX}); null to match every state's codes */
    CredentialMatcher(List<CredentialDefinition> catalog, String state) {
        this.all = List.copyOf(catalog);
        for (CredentialDefinition credential : catalog) {
            byId.put(credential.id(), credential);
            byName.computeIfAbsent(credential.name(), k -> new ArrayList<>()).add(credential);
            byNormalizedName
                    .computeIfAbsent(normalized(credential.name()), k -> new ArrayList<>())
                    .add(credential);
            if (credential.stateListings() != null) {
                for (CredentialDefinition.StateListing listing : credential.stateListings()) {
                    if (listing.code() != null && (state == null || state.equalsIgnoreCase(listing.state()))) {
                        byStateCode
                                .computeIfAbsent(code(listing.code()), k -> new ArrayList<>())
                                .add(credential);
                    }
                }
            }
        }
    }

    /** What a cell matched: one credential, or none with the closest names. */
    record Match(CredentialDefinition credential, boolean ambiguous, List<CredentialDefinition> suggestions) {
        boolean found() {
            return credential != null;
        }
    }

    Match match(String cell) {
        CredentialDefinition exact = byId.get(cell);
        if (exact != null) {
            return new Match(exact, false, List.of());
        }
        for (List<CredentialDefinition> candidates : List.of(
                byStateCode.getOrDefault(code(cell), List.of()),
                byName.getOrDefault(cell, List.of()),
                byNormalizedName.getOrDefault(normalized(cell), List.of()))) {
            Set<String> distinct = new HashSet<>();
            candidates.forEach(c -> distinct.add(c.id()));
            if (distinct.size() == 1) {
                return new Match(candidates.get(0), false, List.of());
            }
            if (distinct.size() > 1) {
                return new Match(
                        null, true, candidates.stream().limit(SUGGESTIONS * 2L).toList());
            }
        }
        return new Match(null, false, closest(cell));
    }

    /** The catalog names sharing the most words with the cell, best first. */
    private List<CredentialDefinition> closest(String cell) {
        Set<String> words = words(cell);
        if (words.isEmpty()) {
            return List.of();
        }
        record Scored(CredentialDefinition credential, double score) {}
        return all.stream()
                .map(c -> new Scored(c, similarity(words, words(c.name()))))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.credential()
                        .name()))
                .limit(SUGGESTIONS)
                .map(Scored::credential)
                .toList();
    }

    private static double similarity(Set<String> a, Set<String> b) {
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union.isEmpty() ? 0 : (double) shared.size() / union.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : normalized(text).split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static String normalized(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replace("&", " and ")
                .replaceAll("[®™©]", "")
                .toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** State codes compare without case and without leading zeros ({@code 010} = {@code 10}). */
    private static String code(String code) {
        String text = code.strip().toUpperCase(Locale.ROOT);
        return text.matches("\\d+") ? text.replaceFirst("^0+(?=\\d)", "") : text;
    }
}
