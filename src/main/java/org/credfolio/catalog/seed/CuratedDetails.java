package org.credfolio.catalog.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credfolio.catalog.CredentialCategory;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialDefinition.StateListing;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.Portability;

/**
 * One TEA-listed credential with the project's curated row from credential_details.csv (vendor,
 * type, portability, renewal, fee, cluster, stacking, category, high-school attainability and its
 * note); blank curated cells stay unknown (null).
 */
final class CuratedDetails {
    private CuratedDetails() {}

    static CredentialDefinition definition(
            String code,
            String name,
            Map<String, String> detail,
            List<String> occupations,
            Map<String, String> vendorNames,
            Instant now) {
        String vendorId = text(detail.get("vendor_code")) == null
                ? null
                : CatalogSeed.VENDOR_PREFIX + text(detail.get("vendor_code"));
        CredentialType type = enumOf(CredentialType.class, detail.get("credential_type"));
        Integer renewalMonths =
                text(detail.get("renewal_months")) == null ? null : Integer.valueOf(text(detail.get("renewal_months")));
        String description =
                CredentialDescriptions.describe(name, type, vendorNames.get(vendorId), code, renewalMonths);
        return new CredentialDefinition(
                CatalogSeed.credentialId(code),
                name,
                type,
                vendorId,
                description,
                List.copyOf(occupations),
                text(detail.get("career_cluster")),
                enumOf(Portability.class, detail.get("portability")),
                stacksInto(detail.get("stacks_into")),
                renewalMonths,
                text(detail.get("exam_fee_usd")) == null ? null : new BigDecimal(text(detail.get("exam_fee_usd"))),
                List.of(new StateListing("TX", code)),
                null,
                now,
                enumOf(CredentialCategory.class, detail.get("category")),
                text(detail.get("high_school_attainable")) == null
                        ? null
                        : Boolean.valueOf(text(detail.get("high_school_attainable"))),
                text(detail.get("category_note")));
    }

    /** TEA codes separated by ';', as catalog ids. */
    static List<String> stacksInto(String cell) {
        String value = text(cell);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(CatalogSeed::credentialId)
                .toList();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String cell) {
        String value = text(cell);
        return value == null
                ? null
                : Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static String text(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }
}
