package org.credfolio.trust;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class TrustController {
    private final IssuerKeys keys;
    private final TrustProperties properties;

    TrustController(IssuerKeys keys, TrustProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    record IssuerKeyInfo(String kid, KeyAlgorithm algorithm) {}

    @MutationMapping
    IssuerKeyInfo rotateIssuerKey(@Argument String organizationId, @Argument KeyAlgorithm algorithm) {
        String thumbprint = keys.rotate(organizationId, algorithm);
        return new IssuerKeyInfo(properties.issuerDid(organizationId) + "#" + thumbprint, algorithm);
    }
}
