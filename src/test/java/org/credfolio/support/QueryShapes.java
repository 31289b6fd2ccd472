package org.credfolio.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Every query the application sends to the store during the test run, by shape: the collection,
 * the fields it filters on and the fields it sorts by (values dropped). One listener for the whole
 * JVM, so that the index check sees what every test class made the application do. Queries that
 * test code sends itself (to arrange or inspect data) are left out: the first Credfolio frame on
 * the calling stack decides. The first command of each shape is kept, with the application method
 * that sent it, to ask a real MongoDB how it would run it.
 */
public final class QueryShapes implements CommandListener {
    public static final QueryShapes ALL = new QueryShapes();

    /** A query's shape; {@code filterBranches} holds one field set per {@code $or} branch. */
    public record Shape(String command, String collection, List<Set<String>> filterBranches, List<String> sort) {
        @Override
        public String toString() {
            return command + " " + collection + " filter " + filterBranches + (sort.isEmpty() ? "" : " sort " + sort);
        }
    }

    /** A recorded query: its first command and the application method that sent it. */
    public record Sample(BsonDocument command, String origin) {}

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private final Map<Shape, Sample> samples = new ConcurrentHashMap<>();

    private QueryShapes() {}

    public Map<Shape, Sample> samples() {
        return Map.copyOf(samples);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        switch (name) {
            case "find", "count", "distinct" -> {
                String filterKey = name.equals("find") ? "filter" : "query";
                record(
                        name,
                        command.getString(name).getValue(),
                        doc(command, filterKey),
                        doc(command, "sort"),
                        command);
            }
            case "aggregate" -> {
                if (!command.isString("aggregate")) {
                    return;
                }
                BsonArray pipeline = command.getArray("pipeline", new BsonArray());
                BsonDocument first = pipeline.isEmpty()
                        ? new BsonDocument()
                        : pipeline.get(0).asDocument();
                BsonDocument match = doc(first, "$match");
                BsonDocument sort = pipeline.size() > 1 ? doc(pipeline.get(1).asDocument(), "$sort") : null;
                record(name, command.getString("aggregate").getValue(), match, sort, command);
            }
            case "findAndModify" ->
                record(name, command.getString(name).getValue(), doc(command, "query"), doc(command, "sort"), command);
            case "update", "delete" -> {
                String key = name.equals("update") ? "updates" : "deletes";
                for (BsonValue statement : command.getArray(key, new BsonArray())) {
                    record(name, command.getString(name).getValue(), doc(statement.asDocument(), "q"), null, command);
                }
            }
            default -> {
                // inserts, index and admin commands do not look anything up
            }
        }
    }

    private void record(String name, String collection, BsonDocument filter, BsonDocument sort, BsonDocument command) {
        Shape shape = new Shape(
                name,
                collection,
                branches(filter == null ? new BsonDocument() : filter),
                sort == null ? List.of() : List.copyOf(sort.keySet()));
        if (samples.containsKey(shape)) {
            return;
        }
        String origin = applicationCaller();
        if (origin != null) {
            samples.putIfAbsent(shape, new Sample(command.clone(), origin));
        }
    }

    /** The application method that sent the command; null when test code sent it directly. */
    private static String applicationCaller() {
        return STACK.walk(frames -> frames.filter(f -> f.getClassName().startsWith("org.credfolio."))
                .filter(f -> f.getDeclaringClass() != QueryShapes.class)
                // a repository's JDK proxy lives in the repository's package; its caller counts
                .filter(f -> !java.lang.reflect.Proxy.isProxyClass(f.getDeclaringClass()))
                .findFirst()
                .filter(f -> !isTestCode(f.getDeclaringClass()))
                .map(f -> f.getDeclaringClass().getSimpleName() + "." + f.getMethodName())
                .orElse(null));
    }

    private static boolean isTestCode(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().toString().contains("test-classes");
    }

    /** The field sets a filter can be answered by: one, or one per {@code $or} branch. */
    static List<Set<String>> branches(BsonDocument filter) {
        Set<String> fields = new TreeSet<>();
        List<Set<String>> or = new ArrayList<>();
        collect(filter, fields, or);
        if (or.isEmpty()) {
            return List.of(fields);
        }
        List<Set<String>> combined = new ArrayList<>();
        for (Set<String> branch : or) {
            Set<String> both = new TreeSet<>(fields);
            both.addAll(branch);
            combined.add(both);
        }
        return List.copyOf(new LinkedHashSet<>(combined));
    }

    private static void collect(BsonDocument filter, Set<String> fields, List<Set<String>> or) {
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and")) {
                entry.getValue().asArray().forEach(part -> collect(part.asDocument(), fields, or));
            } else if (key.equals("$or")) {
                for (BsonValue branch : entry.getValue().asArray()) {
                    Set<String> branchFields = new TreeSet<>();
                    collect(branch.asDocument(), branchFields, new ArrayList<>());
                    or.add(branchFields);
                }
            } else if (!key.startsWith("$")) {
                fields.add(key);
            }
        }
    }

    private static BsonDocument doc(BsonDocument parent, String key) {
        BsonValue value = parent.get(key);
        return value != null && value.isDocument() ? value.asDocument() : null;
    }
}
