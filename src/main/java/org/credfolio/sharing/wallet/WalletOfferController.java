package org.credfolio.sharing.wallet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class WalletOfferController {
    private final WalletOffers offers;

    WalletOfferController(WalletOffers offers) {
        this.offers = offers;
    }

    @MutationMapping
    WalletOfferView createWalletOffer(@Argument String credentialId) {
        return offers.create(credentialId);
    }
}
