package org.credfolio.benchmark;

/** One portfolio read; throws when the portfolio is not what was loaded. */
@FunctionalInterface
interface PortfolioRead {
    void read(String learnerId) throws Exception;
}
