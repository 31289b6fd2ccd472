package org.credfolio.sharing.wallet;

import java.time.Instant;

/**
 * What {@code createWalletOffer} answers.
 *
 * @param vcapiUrl the exchange's interaction URL ({@code {publicBaseUrl}/exchanges/{id}?iuv=1})
 * @param openid4vciOffer an {@code openid-credential-offer://} URI (pre-authorized code flow)
 * @param walletDeepLink the Learner Credential Wallet's link holding both, {@code
 *     {deep-link-base}?request=<URL-encoded JSON>}
 * @param qrSvg an SVG QR code of {@code walletDeepLink}
 */
record WalletOfferView(
        String vcapiUrl, String openid4vciOffer, String walletDeepLink, String qrSvg, Instant expiresAt) {}
