package org.credfolio.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.credfolio.catalog.seed.CatalogSeed;

/**
 * Which credentials synthetic learners earn. High-school attainment concentrates on a few
 * credentials (Microsoft Office Specialist, CompTIA, ServSafe, ASE entry level, AWS welding, nurse
 * aide, OSHA, Adobe, NCCER), and CTE participants mostly earn those of their own program.
 */
final class CredentialChoice {
    /** TEA codes and relative weights of the credentials high-school learners earn most. */
    private static final Map<String, Double> COMMON = Map.ofEntries(
            Map.entry("551", 10.0),
            Map.entry("662", 9.0),
            Map.entry("481", 6.0),
            Map.entry("480", 3.0),
            Map.entry("811", 4.0),
            Map.entry("017", 4.0),
            Map.entry("015", 2.0),
            Map.entry("018", 1.5),
            Map.entry("630", 4.0),
            Map.entry("784", 3.0),
            Map.entry("783", 2.0),
            Map.entry("390", 3.0),
            Map.entry("351", 2.0),
            Map.entry("131", 2.0),
            Map.entry("191", 1.5),
            Map.entry("810", 1.5),
            Map.entry("800", 1.0),
            Map.entry("380", 1.0),
            Map.entry("790", 1.0),
            Map.entry("534", 1.0));

    /** Credentials a Texas program of study typically leads to, by TEA code, most common first. */
    private static final Map<String, List<String>> BY_PATHWAY = Map.ofEntries(
            Map.entry("Accounting and Financial Services", List.of("551", "810", "662")),
            Map.entry("Business Management", List.of("551", "662", "367")),
            Map.entry("Entrepreneurship", List.of("512", "551")),
            Map.entry("Marketing and Sales", List.of("538", "551")),
            Map.entry("Automotive", List.of("191", "131", "141", "151", "161", "171", "261", "240")),
            Map.entry("Diesel and Heavy Equipment", List.of("281", "271", "301", "321")),
            Map.entry("Culinary Arts", List.of("811", "383", "384")),
            Map.entry("Welding", List.of("351", "760", "784", "360")),
            Map.entry("Information Technology Support and Services", List.of("481", "480", "490", "839")),
            Map.entry("Networking Systems", List.of("481", "598", "460", "490")),
            Map.entry("Cybersecurity", List.of("599", "481", "500")),
            Map.entry("Programming and Software Development", List.of("596", "594", "838", "365")),
            Map.entry("Web Development", List.of("593", "020", "831")),
            Map.entry("Graphic Design and Multimedia Arts", List.of("017", "015", "016", "018")),
            Map.entry("Digital Communications", List.of("018", "017", "010", "102")),
            Map.entry("Carpentry", List.of("630", "610", "783")),
            Map.entry("Electrical", List.of("630", "640", "783")),
            Map.entry("Plumbing and Pipefitting", List.of("630", "730", "720")),
            Map.entry("HVAC and Sheet Metal", List.of("630", "660", "870")),
            Map.entry("Construction Management and Inspection", List.of("783", "630", "613")),
            Map.entry("Architectural Design", List.of("331", "334")),
            Map.entry("Engineering", List.of("410", "331", "336")),
            Map.entry("Manufacturing Technology", List.of("842", "784", "535")),
            Map.entry("Industrial Maintenance", List.of("670", "784")),
            Map.entry("Healthcare Therapeutic", List.of("390", "786", "380")),
            Map.entry("Nursing Science", List.of("390", "786", "800")),
            Map.entry("Healthcare Diagnostics", List.of("800", "380", "550")),
            Map.entry("Health Informatics", List.of("369", "547")),
            Map.entry("Emergency Services", List.of("530", "362")),
            Map.entry("Early Learning", List.of("430")),
            Map.entry("Cosmetology and Personal Care Services", List.of("510", "509")),
            Map.entry("Exercise Science and Wellness", List.of("401")),
            Map.entry("Animal Science", List.of("420")),
            Map.entry("Drone (Unmanned Flight)", List.of("534")),
            Map.entry("Distribution and Logistics", List.of("841")));

    /** Share of a CTE participant's credentials that come from their own program. */
    private static final double OWN_PROGRAM_SHARE = 0.75;

    private final Set<String> catalogIds;
    private final Weighted<String> common = new Weighted<>();

    /** Only credentials present in the loaded catalog are ever chosen. */
    CredentialChoice(Set<String> catalogIds) {
        this.catalogIds = catalogIds;
        COMMON.keySet().stream().sorted().forEach(code -> {
            String id = CatalogSeed.credentialId(code);
            common.add(id, catalogIds.contains(id) ? COMMON.get(code) : 0);
        });
    }

    /** Programs of study with known credentials are the ones districts enroll most in. */
    static double pathwayWeight(String pathway) {
        return BY_PATHWAY.containsKey(pathway) ? 3.0 : 1.0;
    }

    static Set<String> mappedPathways() {
        return BY_PATHWAY.keySet();
    }

    /** A credential id for a learner in these programs, or null when nothing is available. */
    String pick(Random random, List<String> pathways) {
        List<String> own = ownProgram(pathways);
        if (!own.isEmpty() && random.nextDouble() < OWN_PROGRAM_SHARE) {
            // Earlier entries are the entry-level credentials, so they come up more often.
            int index = Math.min(random.nextInt(own.size()), random.nextInt(own.size()));
            return own.get(index);
        }
        return common.isEmpty() ? null : common.pick(random);
    }

    private List<String> ownProgram(List<String> pathways) {
        List<String> ids = new ArrayList<>();
        for (String pathway : pathways) {
            for (String code : BY_PATHWAY.getOrDefault(pathway, List.of())) {
                String id = CatalogSeed.credentialId(code);
                if (catalogIds.contains(id) && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
