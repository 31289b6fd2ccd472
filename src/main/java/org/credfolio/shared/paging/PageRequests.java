package org.credfolio.shared.paging;

import org.credfolio.shared.error.InvalidInputException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.query.ScrollSubrange;

/** Page sizes callers may ask for: a default when they do not say, and a hard maximum. */
public final class PageRequests {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private PageRequests() {}

    /** Page size for a forward page, refusing sizes out of range with a clear reason. */
    public static int size(ScrollSubrange subrange) {
        int count = subrange == null ? DEFAULT_SIZE : subrange.count().orElse(DEFAULT_SIZE);
        if (count < 1 || count > MAX_SIZE) {
            throw new InvalidInputException(
                    "PAGE_SIZE_OUT_OF_RANGE", "first", "Ask for between 1 and " + MAX_SIZE + " items per page.");
        }
        if (subrange != null && !subrange.forward()) {
            throw new InvalidInputException(
                    "BACKWARD_PAGING_UNSUPPORTED",
                    "last",
                    "Page forward with first/after; last/before is not supported.");
        }
        return count;
    }

    public static ScrollPosition position(ScrollSubrange subrange) {
        return subrange == null ? ScrollPosition.keyset() : subrange.position().orElse(ScrollPosition.keyset());
    }
}
