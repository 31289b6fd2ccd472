package org.credfolio.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.credfolio.catalog.labormarket.LaborMarketFile;
import org.credfolio.catalog.labormarket.ParsedFile;
import org.credfolio.shared.store.RandomIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One load of a labor-market file, so that anyone can tell which release the figures come from.
 *
 * @param source the seed file's name for the figures shipped with the service, {@value #UPLOAD} for
 *     a file loaded through the API
 * @param loadedBy the account that loaded it, {@value #SEED_LOADER} for the shipped seed
 * @param sha256 hex SHA-256 of the content's UTF-8 bytes: {@code sha256sum} of the file loaded
 */
@Document("laborMarketReleases")
public record LaborMarketRelease(
        @Id String id,
        LaborMarketFile file,
        String source,
        Instant loadedAt,
        String loadedBy,
        int dataRows,
        int occupationsUpdated,
        int occupationsAdded,
        int occupationsCleared,
        String sha256) {
    static final String UPLOAD = "upload";
    static final String SEED_LOADER = "seed";

    /**
     * The seed as the first release of its file: a BLS file added every occupation it has figures
     * for, an O*NET file updated them. One id per file, so loading the seed again records nothing.
     */
    public static LaborMarketRelease seed(ParsedFile<?> parsed, String seedFile, String content, Instant at) {
        LaborMarketFile file = parsed.file();
        int covered = parsed.figures().size();
        return new LaborMarketRelease(
                "seed-" + file.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                file,
                seedFile,
                at,
                SEED_LOADER,
                parsed.dataRows(),
                file.coversEveryOccupation() ? 0 : covered,
                file.coversEveryOccupation() ? covered : 0,
                0,
                sha256(content));
    }

    static LaborMarketRelease upload(
            ParsedFile<?> parsed, OccupationChanges changes, String content, String loadedBy, Instant at) {
        return new LaborMarketRelease(
                RandomIds.withPrefix("release"),
                parsed.file(),
                UPLOAD,
                at,
                loadedBy,
                parsed.dataRows(),
                changes.updated().size(),
                changes.added().size(),
                changes.cleared().size(),
                sha256(content));
    }

    static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
