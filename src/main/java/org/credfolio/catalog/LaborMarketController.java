package org.credfolio.catalog;

import java.util.List;
import org.credfolio.catalog.labormarket.LaborMarketFile;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class LaborMarketController {
    private final LaborMarketLoader loader;

    LaborMarketController(LaborMarketLoader loader) {
        this.loader = loader;
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
