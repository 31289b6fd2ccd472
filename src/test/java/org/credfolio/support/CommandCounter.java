package org.credfolio.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Counts the commands the application sends to MongoDB, to assert round trips. */
public class CommandCounter implements CommandListener {
    private final List<String> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        commands.add(event.getCommandName());
    }

    public void reset() {
        commands.clear();
    }

    /** Reads (find and aggregate) sent since the last reset. */
    public long reads() {
        return commands.stream()
                .filter(c -> c.equals("find") || c.equals("aggregate"))
                .count();
    }

    public List<String> all() {
        return List.copyOf(commands);
    }
}
