package org.credfolio.trust.keys;

import org.credfolio.trust.TrustProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class TrustController {
    private final IssuerKeys keys;
    private final CompromisedKeys compromisedKeys;
    private final TrustProperties properties;

    TrustController(IssuerKeys keys, CompromisedKeys compromisedKeys, TrustProperties properties) {
        this.keys = keys;
        this.compromisedKeys = compromisedKeys;
        this.properties = properties;
    }

    record IssuerKeyInfo(String kid, KeyAlgorithm algorithm, IssuerKey.KeyStatus status, String statusReason) {}

    @MutationMapping
    IssuerKeyInfo rotateIssuerKey(@Argument String organizationId, @Argument KeyAlgorithm algorithm) {
        String thumbprint = keys.rotate(organizationId, algorithm);
        return new IssuerKeyInfo(
                properties.issuerDid(organizationId) + "#" + thumbprint, algorithm, IssuerKey.KeyStatus.ACTIVE, null);
    }

    @MutationMapping
    IssuerKeyInfo markIssuerKeyCompromised(@Argument String kid, @Argument String reason) {
        VerificationKey key = compromisedKeys.mark(kid, reason);
        return new IssuerKeyInfo(
                properties.issuerDid(key.organizationId()) + "#" + key.thumbprint(),
                key.algorithm(),
                key.status(),
                key.statusReason());
    }
}
