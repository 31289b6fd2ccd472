package org.credfolio.organization;

/** What rostering one record from a district's SIS file did (or, on a dry run, would do). */
public enum RosterChange {
    CREATED,
    UPDATED,
    UNCHANGED
}
