package org.credfolio.shared.store;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;

/** The running embedded server; its presence as a bean tells other parts the store is embedded. */
public record EmbeddedStore(MongoServer server, InetSocketAddress address) {
    public void shutdown() {
        server.shutdown();
    }
}
