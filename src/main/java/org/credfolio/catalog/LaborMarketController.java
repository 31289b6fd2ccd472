package org.credfolio.catalog;

import java.util.List;
import org.credfolio.catalog.labormarket.LaborMarketFile;
import org.credfolio.catalog.labormarket.StateFile;
import org.credfolio.catalog.regional.RegionalLaborMarkets;
import org.credfolio.catalog.regional.RegionalLoadReport;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class LaborMarketController {
    private final LaborMarketLoader loader;
    private final RegionalLaborMarkets regional;

    LaborMarketController(LaborMarketLoader loader, RegionalLaborMarkets regional) {
        this.loader = loader;
        this.regional = regional;
    }

    @MutationMapping
    RegionalLoadReport loadRegionalLaborMarketFile(@Argument StateFile.Kind file, @Argument String content) {
        return regional.load(file, content);
    }

    @QueryMapping
    List<LaborMarketRelease> laborMarketReleases() {
        return loader.latestReleases();
    }

    @MutationMapping
    LaborMarketLoadReport loadLaborMarketFile(@Argument LaborMarketFile file, @Argument String content) {
        return loader.load(file, content);
    }
}
