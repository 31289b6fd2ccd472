package org.credfolio.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Counts the commands the application sends to MongoDB, to assert round trips. */
public class CommandCounter implements CommandListener {
    private final List<String> commands = new CopyOnWriteArrayList<>();
    /** The collection of each read, in the same order as the reads in {@link #commands}. */
    private final List<String> readCollections = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        commands.add(name);
        if (isRead(name)) {
            var target = event.getCommand().get(name);
            readCollections.add(
                    target != null && target.isString() ? target.asString().getValue() : "");
        }
    }

    public void reset() {
        commands.clear();
        readCollections.clear();
    }

    /**
     * Reads sent since the last reset, but for those of the given collections: for a count that a
     * cache with a time to live (account standing, say) must not make depend on timing.
     */
    public long readsExcept(String... collections) {
        List<String> left = List.of(collections);
        return readCollections.stream().filter(c -> !left.contains(c)).count();
    }

    private static boolean isRead(String name) {
        return name.equals("find") || name.equals("aggregate");
    }

    /** Reads (find and aggregate) sent since the last reset. */
    public long reads() {
        return commands.stream().filter(CommandCounter::isRead).count();
    }

    public List<String> all() {
        return List.copyOf(commands);
    }
}
