package org.credfolio.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.credfolio.catalog.labormarket.OccupationFigures;
import org.credfolio.catalog.labormarket.ParsedFile;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What applying a valid labor-market file changes, worked out against the catalog as it was read
 * before any write. Occupations the file gives the same figures for are left out.
 *
 * @param cleared occupations a BLS release no longer lists, their figures from that file withdrawn
 */
record OccupationChanges(List<Occupation> added, List<Change> updated, List<Change> cleared) {
    /** Document fields and how to read them, for writing only the fields that changed. */
    private static final Map<String, Function<Occupation, Object>> FIELDS = fields();

    record Change(Occupation before, Occupation after) {
        /** Sets only what differs, so a concurrent change to other fields (another file's) survives. */
        Update update() {
            Update update = new Update();
            FIELDS.forEach((field, value) -> {
                if (!Objects.equals(value.apply(before), value.apply(after))) {
                    update.set(field, value.apply(after));
                }
            });
            return update;
        }
    }

    static OccupationChanges of(ParsedFile<?> file, Map<String, Occupation> current) {
        boolean coversEvery = file.file().coversEveryOccupation();
        List<Occupation> added = new ArrayList<>();
        List<Change> updated = new ArrayList<>();
        for (OccupationFigures figures : file.figures().values()) {
            Occupation before = current.get(figures.socCode());
            if (before == null) {
                if (coversEvery) {
                    added.add(figures.asNewOccupation());
                }
            } else {
                addIfChanged(updated, before, figures.applyTo(before));
            }
        }
        List<Change> cleared = new ArrayList<>();
        if (coversEvery) {
            current.values().stream()
                    .filter(before -> !file.figures().containsKey(before.socCode()))
                    .forEach(before -> addIfChanged(cleared, before, file.file().withoutFigures(before)));
        }
        return new OccupationChanges(added, updated, cleared);
    }

    /** Every occupation written, for evicting them from the cache. */
    Set<String> socCodes() {
        Set<String> codes = new TreeSet<>();
        added.forEach(o -> codes.add(o.socCode()));
        updated.forEach(c -> codes.add(c.after().socCode()));
        cleared.forEach(c -> codes.add(c.after().socCode()));
        return codes;
    }

    private static void addIfChanged(List<Change> changes, Occupation before, Occupation after) {
        if (!after.equals(before)) {
            changes.add(new Change(before, after));
        }
    }

    private static Map<String, Function<Occupation, Object>> fields() {
        Map<String, Function<Occupation, Object>> fields = new LinkedHashMap<>();
        fields.put("title", Occupation::title);
        fields.put("description", Occupation::description);
        fields.put("medianAnnualWage", Occupation::medianAnnualWage);
        fields.put("entryAnnualWage", Occupation::entryAnnualWage);
        fields.put("annualOpenings", Occupation::annualOpenings);
        fields.put("growthPercent", Occupation::growthPercent);
        fields.put("jobZone", Occupation::jobZone);
        fields.put("typicalEducation", Occupation::typicalEducation);
        fields.put("workExperience", Occupation::workExperience);
        fields.put("careerClusters", Occupation::careerClusters);
        return fields;
    }
}
