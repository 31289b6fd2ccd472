package org.credfolio.sharing;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** publishCredentialPage, withdrawCredentialPage and myCredentialPages; LEARNER, own credentials only. */
@Controller
class CredentialPageGraphQl {
    private final CredentialPages pages;

    CredentialPageGraphQl(CredentialPages pages) {
        this.pages = pages;
    }

    @MutationMapping
    PublishedCredentialPage publishCredentialPage(@Argument String credentialId) {
        return pages.publish(credentialId);
    }

    @MutationMapping
    PublishedCredentialPage withdrawCredentialPage(@Argument String credentialId) {
        return pages.withdraw(credentialId);
    }

    @QueryMapping
    List<PublishedCredentialPage> myCredentialPages() {
        return pages.mine();
    }
}
