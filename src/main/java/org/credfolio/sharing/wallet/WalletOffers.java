package org.credfolio.sharing.wallet;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.awards.WalletCopies;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.TrustProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Offers of a learner's own credential to their wallet, with the links and QR code a wallet scans. */
@Service
class WalletOffers {
    private final WalletCopies copies;
    private final String baseUrl;
    private final String deepLinkBase;

    WalletOffers(
            WalletCopies copies,
            TrustProperties trust,
            @Value("${credfolio.wallet.deep-link-base:https://lcw.app/mobile}") String deepLinkBase) {
        this.copies = copies;
        this.baseUrl = trust.publicBaseUrl();
        URI base = URI.create(deepLinkBase);
        if (base.getScheme() == null || base.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "credfolio.wallet.deep-link-base must be an absolute URL without a fragment: " + deepLinkBase);
        }
        this.deepLinkBase = deepLinkBase;
    }

    /** Authorization is {@link WalletCopies#offer}'s: LEARNER, their own credential, not revoked. */
    WalletOfferView create(String credentialId) {
        WalletCopies.Offer offer = copies.offer(credentialId);
        String interaction = exchangeUrl(offer.exchangeId()) + "?iuv=1";
        String openid4vci = openid4vciOffer(offer.preAuthorizedCode());
        String deepLink = walletDeepLink(interaction, openid4vci);
        return new WalletOfferView(interaction, openid4vci, deepLink, QrSvg.of(deepLink), offer.expiresAt());
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

    /**
     * The credential request the Learner Credential Wallet opens from a link (its {@code
     * credentialRequestFromChapiUrl}): the query parameter {@code request} holding JSON {@code
     * {"credentialRequestOrigin", "protocols": {"vcapi", "OID4VCI"}}}, on the wallet's universal link
     * by default, so a phone camera that scans the QR code hands it to the wallet. Spaces are
     * {@code %20}: the wallet re-encodes a parameter that holds a {@code +} before reading it.
     */
    String walletDeepLink(String interaction, String openid4vci) {
        Map<String, Object> protocols = new LinkedHashMap<>();
        protocols.put("vcapi", interaction);
        protocols.put("OID4VCI", openid4vci);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("credentialRequestOrigin", origin());
        request.put("protocols", protocols);
        String json = URLEncoder.encode(CredentialForms.json(request), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return deepLinkBase + (deepLinkBase.contains("?") ? "&" : "?") + "request=" + json;
    }

    String baseUrl() {
        return baseUrl;
    }

    String exchangeUrl(String exchangeId) {
        return baseUrl + "/exchanges/" + exchangeId;
    }

    /** The domain a wallet's DID authentication names: this service's public host (and port). */
    String domain() {
        return URI.create(baseUrl).getAuthority();
    }

    /** This service's public origin: scheme, host and port. */
    String origin() {
        URI base = URI.create(baseUrl);
        return base.getScheme() + "://" + base.getAuthority();
    }
}
