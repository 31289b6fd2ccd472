package org.credfolio.catalog.value;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Published ways to judge whether a credential's occupations are in demand and pay enough, selectable
 * per region by name ({@code credfolio.value.regions.<REGION>.rules}). Every rule set judges pay at
 * entry: the occupation's 25th percentile annual wage in the region, since a credential earned in
 * high school leads to an entry job, not to the occupation's middle.
 *
 * <ul>
 *   <li>{@link #ENTRY_LEVEL} (the default): entry pay at least the region's 25th percentile of all
 *       wages (Indiana's wage floor, compared entry to entry) and never below twice the poverty
 *       guideline for one person (where a state's 25th percentile is lower, as in Puerto Rico), and
 *       openings of at least 0.08% of all the
 *       region's openings (Washington's share rule, so the bar scales with the state) in an occupation
 *       that is not shrinking. Both bars move with the region's own economy, which fixed dollar and
 *       opening counts do not.
 *   <li>{@link #INDIANA}: Indiana's rule for credentials of value: at least 200 projected openings
 *       over ten years, and a wage at or above the state's 25th percentile of all wages.
 *   <li>{@link #OHIO}: Ohio's rule for industry-recognized credentials: a wage of at least 80% of the
 *       state median, and growth above the state's average or more than 584 openings a year.
 *   <li>{@link #WASHINGTON}: Washington's demand rule (growth at least 90% of the area's, and openings
 *       at least 0.08% of all openings), with the default entry-wage floor.
 * </ul>
 */
public enum ValueRules {
    ENTRY_LEVEL("Credfolio entry level (default)", false) {
        @Override
        Threshold<Integer> wage(RegionBaseline b) {
            return entryFloor(b);
        }

        @Override
        Threshold<Integer> openings(RegionBaseline b) {
            return share(b);
        }

        @Override
        Threshold<Double> growth(RegionBaseline b) {
            return new Threshold<>(0.0, "not shrinking");
        }
    },
    INDIANA("Indiana: 200 openings in ten years, 25th percentile wage", false) {
        @Override
        Threshold<Integer> wage(RegionBaseline b) {
            return p25(b);
        }

        @Override
        Threshold<Integer> openings(RegionBaseline b) {
            return new Threshold<>(20, "200 projected openings over ten years");
        }

        @Override
        Threshold<Double> growth(RegionBaseline b) {
            return new Threshold<>(null, "no growth test");
        }
    },
    OHIO("Ohio: 80% of the state median wage; growth above average or 584 openings", true) {
        @Override
        Threshold<Integer> wage(RegionBaseline b) {
            return new Threshold<>(
                    (int) Math.round(b.medianWage() * 0.8),
                    "80% of " + b.region() + "'s median wage of $" + count(b.medianWage()));
        }

        @Override
        Threshold<Integer> openings(RegionBaseline b) {
            return new Threshold<>(585, "more than 584 openings a year");
        }

        @Override
        Threshold<Double> growth(RegionBaseline b) {
            return new Threshold<>(
                    b.growthPercent(), "above " + b.region() + "'s average growth of " + percent(b.growthPercent()));
        }
    },
    WASHINGTON("Washington: growth at least 90% of the area's and openings at least 0.08% of all", false) {
        @Override
        Threshold<Integer> wage(RegionBaseline b) {
            return entryFloor(b);
        }

        @Override
        Threshold<Integer> openings(RegionBaseline b) {
            return share(b);
        }

        @Override
        Threshold<Double> growth(RegionBaseline b) {
            return new Threshold<>(
                    Math.round(b.growthPercent() * 9) / 10.0,
                    "90% of " + b.region() + "'s growth of " + percent(b.growthPercent()));
        }
    };

    /** A threshold and where it comes from, in words. */
    record Threshold<T>(T value, String basis) {}

    private final String title;
    private final boolean eitherDemandTest;

    ValueRules(String title, boolean eitherDemandTest) {
        this.title = title;
        this.eitherDemandTest = eitherDemandTest;
    }

    /** The rule set's name in words. */
    public String title() {
        return title;
    }

    /** True when growth or openings alone make demand (Ohio); false when both must hold. */
    public boolean eitherDemandTest() {
        return eitherDemandTest;
    }

    /** Annual entry wage, dollars, at or above which an occupation pays enough. */
    abstract Threshold<Integer> wage(RegionBaseline b);

    /** Openings a year at or above which an occupation can count as in demand. */
    abstract Threshold<Integer> openings(RegionBaseline b);

    /** Projected ten-year change, percent, an occupation must reach; a null value: no growth test. */
    abstract Threshold<Double> growth(RegionBaseline b);

    private static Threshold<Integer> p25(RegionBaseline b) {
        return new Threshold<>(b.entryWage(), b.region() + "'s 25th percentile of all wages");
    }

    /** The default wage floor: the 25th percentile of all wages, never below twice the poverty line. */
    private static Threshold<Integer> entryFloor(RegionBaseline b) {
        if (b.povertyLine() > b.entryWage()) {
            return new Threshold<>(
                    b.povertyLine(),
                    "twice the 2026 poverty guideline for one person in " + b.region() + ", above its 25th percentile"
                            + " of all wages ($" + count(b.entryWage()) + ")");
        }
        return p25(b);
    }

    private static Threshold<Integer> share(RegionBaseline b) {
        return new Threshold<>(
                (int) Math.round(b.annualOpenings() * 0.0008),
                "0.08% of " + b.region() + "'s " + count(b.annualOpenings()) + " openings a year");
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    static String percent(Double p) {
        return p == null ? "not published" : String.format(Locale.US, "%+.1f%%", p);
    }
}
