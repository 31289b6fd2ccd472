package org.credfolio.imports;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Up to {@value #SIZE} problems of one job, in file order. Chunks are keyed {@code <jobId>:<n>},
 * so a download reads them by {@code _id} (the only lookup the embedded store serves from an
 * index besides unique keys) and no document comes near MongoDB's 16 MB limit.
 */
@Document("import_problems")
record ProblemChunk(@Id String id, String jobId, List<ImportProblem> problems) {
    static final int SIZE = 500;

    static String id(String jobId, int chunk) {
        return jobId + ":" + chunk;
    }
}
