package org.credfolio.shared.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tells the commands that may change the store from those that only read it. */
final class WriteCommands {
    /**
     * Commands that never write (lower case). Anything else, including a command this list does not
     * know, counts as a write: its cost when nothing changed is a lock and an empty commit.
     */
    private static final Set<String> READ_ONLY = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "listcollections",
            "listindexes",
            "listdatabases",
            "ping",
            "hello",
            "ismaster",
            "buildinfo",
            "whatsmyuri",
            "serverstatus",
            "dbstats",
            "collstats",
            "killcursors",
            "endsessions",
            "getlasterror",
            "getparameter",
            "getlog",
            "hostinfo",
            "connectionstatus",
            "currentop");

    private WriteCommands() {}

    /** Whether this command (its first key) may write; {@code query} is the whole command. */
    static boolean mayWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return writesItsOutput(query.get("pipeline"));
        }
        return !READ_ONLY.contains(name);
    }

    private static boolean writesItsOutput(Object pipeline) {
        if (pipeline instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
