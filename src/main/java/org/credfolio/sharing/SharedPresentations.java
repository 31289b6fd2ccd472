package org.credfolio.sharing;

import java.util.Map;
import java.util.Optional;
import org.credfolio.trust.presentation.Presentations;
import org.springframework.stereotype.Service;

/**
 * A share as one {@code vp+jwt} signed by the learner's holder key. The share's secret token is the
 * capability: whoever holds the link may have the presentation, optionally bound to a verifier's
 * domain and challenge. Used by the public download and by advanced-standing evaluation.
 */
@Service
public class SharedPresentations {
    private final ShareViews views;
    private final Presentations presentations;

    SharedPresentations(ShareViews views, Presentations presentations) {
        this.views = views;
        this.presentations = presentations;
    }

    /** The presentation of an active share; empty for an unknown, expired or withdrawn one. */
    public Optional<String> present(String token, String domain, String challenge) {
        Share share = views.active(token);
        if (share == null) {
            return Optional.empty();
        }
        return Optional.of(presentations.present(share.learnerId(), views.signedCredentials(share), domain, challenge));
    }

    /** The same presentation in its Data Integrity form (JSON-LD), for wallets and verifiers of that family. */
    public Optional<Map<String, Object>> presentSecured(String token, String domain, String challenge) {
        Share share = views.active(token);
        if (share == null) {
            return Optional.empty();
        }
        return Optional.of(
                presentations.presentSecured(share.learnerId(), views.securedCredentials(share), domain, challenge));
    }
}
