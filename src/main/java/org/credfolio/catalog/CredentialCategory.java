package org.credfolio.catalog;

/**
 * What kind of credential it is, in the categories of ExcelinEd and Burning Glass Institute's
 * Credentials Matter, which judge each kind differently.
 */
public enum CredentialCategory {
    /** Issued by a government body; needed to work in the occupation (nurse aide, cosmetology operator). */
    LICENSE("license"),
    /** Issued by an industry body after an assessment of occupational skill (AWS, ASE, CompTIA, NCCER). */
    CERTIFICATION("certification"),
    /** Proficiency in a software product (Microsoft Office Specialist, Adobe, Autodesk). */
    SOFTWARE("software credential"),
    /** Workplace safety, first aid and CPR, basic literacy and numeracy (OSHA 10, CPR, WorkKeys NCRC). */
    GENERAL_CAREER_READINESS("general career readiness credential"),
    /** An end-of-program CTE assessment rather than an industry credential (NOCTI, Precision Exams). */
    CTE_ASSESSMENT("CTE assessment");

    private final String words;

    CredentialCategory(String words) {
        this.words = words;
    }

    /** The category in words, for reasons and reports. */
    public String words() {
        return words;
    }
}
