package org.credfolio.imports;

import java.util.Map;

/**
 * One upload to import.
 *
 * @param districtId the district the file is about
 * @param dryRun check every row exactly as importing would, and write nothing
 * @param fileName the uploaded file's name, as the uploader's computer called it
 * @param mapping for attainment files, template column to the file's own column name; empty otherwise
 */
public record ImportRequest(String districtId, boolean dryRun, String fileName, Map<String, String> mapping) {
    public ImportRequest {
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }
}
