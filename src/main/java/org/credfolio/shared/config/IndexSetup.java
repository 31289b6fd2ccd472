package org.credfolio.shared.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.stereotype.Component;

/**
 * The indexes the documents declare ({@code @Indexed}, {@code @CompoundIndex}), made by an explicit
 * step the operator controls instead of Spring Data's silent creation on every instance
 * ({@code spring.data.mongodb.auto-index-creation} is off). {@code credfolio.store.indexes}:
 *
 * <ul>
 *   <li>{@code create} (default): creates any missing index at start and logs each one, before the
 *       application takes requests. Right for the embedded store, a first start and an upgrade.
 *   <li>{@code verify}: creates nothing and refuses to start while a declared index is missing,
 *       naming it: for the instances of a deployment whose indexes one instance or a release step
 *       created (a large collection's index build is an operation to schedule, not a side effect).
 *   <li>{@code off}: neither.
 * </ul>
 */
@Component
class IndexSetup implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

    private final MongoOperations mongo;
    private final String mode;

    IndexSetup(MongoOperations mongo, @Value("${credfolio.store.indexes:create}") String mode) {
        this.mongo = mongo;
        this.mode = mode.strip().toLowerCase(Locale.ROOT);
        if (!List.of("create", "verify", "off").contains(this.mode)) {
            throw new IllegalStateException(
                    "credfolio.store.indexes must be create, verify or off, not '" + mode + "'.");
        }
    }

    /** One declared index: its collection, name and keys. */
    record Declared(
            String collection,
            String name,
            Document keys,
            org.springframework.data.mongodb.core.index.IndexDefinition definition) {}

    @Override
    public void afterSingletonsInstantiated() {
        if (mode.equals("off")) {
            log.info("Indexes: neither created nor checked (credfolio.store.indexes=off).");
            return;
        }
        List<String> missing = new ArrayList<>();
        int created = 0;
        List<Declared> declared = declared();
        for (Declared index : declared) {
            if (exists(index)) {
                continue;
            }
            if (mode.equals("verify")) {
                missing.add(index.collection() + "." + index.name() + " "
                        + index.keys().toJson());
            } else {
                mongo.indexOps(index.collection()).createIndex(index.definition());
                log.info(
                        "Index created: {}.{} {}",
                        index.collection(),
                        index.name(),
                        index.keys().toJson());
                created++;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Declared indexes are missing (start one instance with"
                    + " credfolio.store.indexes=create to build them): " + String.join("; ", missing));
        }
        log.info("Indexes: {} declared, {} created now ({}).", declared.size(), created, mode);
    }

    /** Every index the mapped documents declare. */
    List<Declared> declared() {
        MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context =
                mongo.getConverter().getMappingContext();
        IndexResolver resolver = new MongoPersistentEntityIndexResolver(context);
        List<Declared> all = new ArrayList<>();
        for (MongoPersistentEntity<?> entity : context.getPersistentEntities()) {
            if (!entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
                continue;
            }
            resolver.resolveIndexFor(entity.getTypeInformation()).forEach(definition -> {
                Document options = definition.getIndexOptions();
                all.add(new Declared(
                        entity.getCollection(), options.getString("name"), definition.getIndexKeys(), definition));
            });
        }
        return all;
    }

    private boolean exists(Declared index) {
        for (IndexInfo info : mongo.indexOps(index.collection()).getIndexInfo()) {
            if (index.name() != null && index.name().equals(info.getName())) {
                return true;
            }
        }
        return false;
    }
}
