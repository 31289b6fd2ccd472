package org.credfolio.sharing.wallet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.awards.WalletCopies;
import org.credfolio.trust.verification.DidAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The VC API exchange a wallet (such as the DCC Learner Credential Wallet) runs to receive a
 * credential offered with {@code createWalletOffer}. No session: the exchange id is the capability.
 * <ol>
 *   <li>{@code GET /exchanges/{id}} (the interaction URL, {@code ?iuv=1}): the protocols offered;
 *   <li>{@code POST /exchanges/{id}} with {@code {}}: the request for DID authentication (an
 *       {@code eddsa-rdfc-2022} or {@code Ed25519Signature2020} proof of a did:key);
 *   <li>{@code POST /exchanges/{id}} with the signed {@code verifiablePresentation}: the credential,
 *       in a presentation.
 * </ol>
 * Refusals are RFC 9457 problems.
 */
@RestController
class ExchangeController {
    static final String PROBLEM_BASE = "https://credfolio.org/problems/";
    private final WalletCopies copies;
    private final WalletOffers offers;
    private final DidAuthentication didAuthentication;

    ExchangeController(WalletCopies copies, WalletOffers offers, DidAuthentication didAuthentication) {
        this.copies = copies;
        this.offers = offers;
        this.didAuthentication = didAuthentication;
    }

    @GetMapping(value = "/exchanges/{exchangeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> interaction(@PathVariable String exchangeId) {
        try {
            copies.pending(exchangeId);
        } catch (WalletCopies.Refused e) {
            return refused(e);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("protocols", Map.of("vcapi", offers.exchangeUrl(exchangeId))));
    }

    @PostMapping(value = "/exchanges/{exchangeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> exchange(
            @PathVariable String exchangeId, @RequestBody(required = false) Map<String, Object> body) {
        WalletCopies.PendingOffer offer;
        try {
            offer = copies.pending(exchangeId);
        } catch (WalletCopies.Refused e) {
            return refused(e);
        }
        Object presentation = body == null ? null : body.get("verifiablePresentation");
        if (presentation == null) {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(Map.of("verifiablePresentationRequest", request(offer)));
        }
        if (!(presentation instanceof Map<?, ?>)) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "Invalid request",
                    "verifiablePresentation must be a JSON object with an embedded proof.");
        }
        String walletDid;
        try {
            walletDid = didAuthentication.authenticate(cast(presentation), offer.challenge(), offers.domain());
        } catch (DidAuthentication.Refused e) {
            return problem(
                    HttpStatus.BAD_REQUEST, "did-authentication-failed", "DID authentication failed", e.getMessage());
        }
        Map<String, Object> credential;
        try {
            credential = copies.deliver(exchangeId, walletDid);
        } catch (WalletCopies.Refused e) {
            return refused(e);
        }
        Map<String, Object> vp = new LinkedHashMap<>();
        vp.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vp.put("type", List.of("VerifiablePresentation"));
        vp.put("verifiableCredential", List.of(credential));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("verifiablePresentation", vp));
    }

    private Map<String, Object> request(WalletCopies.PendingOffer offer) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("type", "DIDAuthentication");
        query.put("acceptedMethods", List.of(Map.of("method", "key")));
        // The Learner Credential Wallet signs with the older Ed25519Signature2020 suite.
        query.put(
                "acceptedCryptosuites",
                List.of(Map.of("cryptosuite", "eddsa-rdfc-2022"), Map.of("cryptosuite", "Ed25519Signature2020")));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", List.of(query));
        request.put("challenge", offer.challenge());
        request.put("domain", offers.domain());
        request.put(
                "interact",
                Map.of(
                        "service",
                        List.of(Map.of(
                                "type",
                                "UnmediatedPresentationService2021",
                                "serviceEndpoint",
                                offers.exchangeUrl(offer.exchangeId())))));
        return request;
    }

    private static ResponseEntity<Map<String, Object>> refused(WalletCopies.Refused e) {
        return e.unknown()
                ? problem(HttpStatus.NOT_FOUND, "exchange-not-found", "Exchange not found", e.getMessage())
                : problem(HttpStatus.BAD_REQUEST, "offer-not-usable", "Offer not usable", e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> problem(
            HttpStatus status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", PROBLEM_BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
