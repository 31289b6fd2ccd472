package org.credfolio.imports;

import java.util.List;

/**
 * The file cannot be imported at all (not a CSV or zip, too large, missing columns, not UTF-8):
 * nothing has been written, and the upload is answered with these problems.
 */
public class ImportRefused extends RuntimeException {
    private final String code;
    private final transient List<ImportProblem> problems;

    public ImportRefused(String code, String detail, List<ImportProblem> problems) {
        super(detail, null, false, false);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public ImportRefused(String file, String code, String detail) {
        this(code, detail, List.of(ImportProblem.ofFile(file, code, detail)));
    }

    public String code() {
        return code;
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
