package org.credfolio.sharing;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credfolio.awards.Award;
import org.credfolio.awards.SharedCredentials;
import org.credfolio.shared.graphql.Batches;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class ShareController {
    private final ShareManagement shares;
    private final SharedCredentials credentials;
    private final ShareViewCounts views;

    ShareController(ShareManagement shares, SharedCredentials credentials, ShareViewCounts views) {
        this.shares = shares;
        this.credentials = credentials;
        this.views = views;
    }

    @MutationMapping
    CreatedShare createShare(@Argument @Valid CreateShareInput input) {
        return shares.create(input);
    }

    @MutationMapping
    Share revokeShare(@Argument String id) {
        return shares.revoke(id);
    }

    @QueryMapping
    Window<Share> myShares(ScrollSubrange subrange) {
        return shares.mine(subrange);
    }

    @SchemaMapping(typeName = "Share", field = "viewCount")
    long viewCount(Share share) {
        return views.viewCount(share);
    }

    @SchemaMapping(typeName = "Share", field = "active")
    boolean active(Share share) {
        return share.activeAt(Instant.now());
    }

    /** Shares reach only their own learner, so one read of that learner's awards serves them all. */
    @BatchMapping(typeName = "Share", field = "credentials")
    Map<Share, List<Award>> credentials(List<Share> list) {
        return Batches.many(list, Share::credentialIds, credentials::ownAwards, Award::id);
    }
}
