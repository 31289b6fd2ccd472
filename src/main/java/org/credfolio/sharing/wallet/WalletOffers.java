package org.credfolio.sharing.wallet;

import org.credfolio.awards.WalletCopies;
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
        return new WalletOfferView(interaction, null, QrSvg.of(interaction), offer.expiresAt());
    }

    String exchangeUrl(String exchangeId) {
        return baseUrl + "/exchanges/" + exchangeId;
    }

    /** The domain a wallet's DID authentication names: this service's public host (and port). */
    String domain() {
        return java.net.URI.create(baseUrl).getAuthority();
    }
}
