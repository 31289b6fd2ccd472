package org.credfolio.sharing.wallet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.awards.WalletCopies;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.TrustProperties;
import org.springframework.stereotype.Service;

/** Offers of a learner's own credential to their wallet, with the links and QR code a wallet scans. */
@Service
class WalletOffers {
    private final WalletCopies copies;
    private final String baseUrl;

    WalletOffers(WalletCopies copies, TrustProperties trust) {
        this.copies = copies;
        this.baseUrl = trust.publicBaseUrl();
    }

    /** Authorization is {@link WalletCopies#offer}'s: LEARNER, their own credential, not revoked. */
    WalletOfferView create(String credentialId) {
        WalletCopies.Offer offer = copies.offer(credentialId);
        String interaction = exchangeUrl(offer.exchangeId()) + "?iuv=1";
        return new WalletOfferView(
                interaction, openid4vciOffer(offer.preAuthorizedCode()), QrSvg.of(interaction), offer.expiresAt());
    }

    /** The OpenID4VCI credential offer by value, pre-authorized code flow, both formats offered. */
    String openid4vciOffer(String preAuthorizedCode) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("credential_issuer", baseUrl);
        offer.put("credential_configuration_ids", List.of(Oid4vciController.LDP_VC, Oid4vciController.JWT_VC_JSON));
        offer.put(
                "grants",
                Map.of(Oid4vciController.PRE_AUTHORIZED_GRANT, Map.of("pre-authorized_code", preAuthorizedCode)));
        return "openid-credential-offer://?credential_offer="
                + URLEncoder.encode(CredentialForms.json(offer), StandardCharsets.UTF_8);
    }

    String baseUrl() {
        return baseUrl;
    }

    String exchangeUrl(String exchangeId) {
        return baseUrl + "/exchanges/" + exchangeId;
    }

    /** The domain a wallet's DID authentication names: this service's public host (and port). */
    String domain() {
        return java.net.URI.create(baseUrl).getAuthority();
    }
}
