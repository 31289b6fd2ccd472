package org.credfolio.imports.oneroster;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.credfolio.imports.ImportRefused;

/**
 * An uploaded OneRoster CSV zip, read from the stored upload with {@link ZipFile}. Only the files
 * this import knows, at the zip's root, are opened. Guards against zip bombs: an entry that
 * declares more than {@code maxEntryBytes} uncompressed is refused before it is read, and every
 * entry is read through a counting stream that refuses the file once it inflates past its declared
 * size or that limit.
 */
final class RosterZip implements Closeable {
    static final String MANIFEST = "manifest.csv";
    static final String ORGS = "orgs.csv";
    static final String USERS = "users.csv";
    static final String DEMOGRAPHICS = "demographics.csv";
    static final String ROLES = "roles.csv";
    static final String ACADEMIC_SESSIONS = "academicSessions.csv";
    static final Set<String> KNOWN = Set.of(MANIFEST, ORGS, USERS, DEMOGRAPHICS, ROLES, ACADEMIC_SESSIONS);
    static final String TOO_LARGE = "ZIP_TOO_LARGE";

    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new HashMap<>();
    private final long maxEntryBytes;

    private RosterZip(ZipFile zip, long maxEntryBytes) {
        this.zip = zip;
        this.maxEntryBytes = maxEntryBytes;
    }

    static RosterZip open(Path file, String uploadName, long maxEntryBytes) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ImportRefused(
                    uploadName,
                    "NOT_ZIP",
                    uploadName + " is not a zip file; upload the OneRoster CSV export as it is (a .zip with"
                            + " manifest.csv, orgs.csv, users.csv, ...).");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RosterZip roster = new RosterZip(zip, maxEntryBytes);
        try {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory() || !KNOWN.contains(entry.getName())) {
                    continue; // other files, and files in folders, are not read
                }
                if (entry.getSize() > maxEntryBytes) {
                    throw tooLarge(entry.getName(), maxEntryBytes);
                }
                roster.entries.putIfAbsent(entry.getName(), entry);
            }
            return roster;
        } catch (RuntimeException e) {
            roster.close();
            throw e;
        }
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /** True when the zip has this file at its root, whether or not this import reads it. */
    boolean hasAtRoot(String name) {
        ZipEntry entry = zip.getEntry(name);
        return entry != null && !entry.isDirectory();
    }

    /** The file's content, bounded by its declared size and the entry limit. */
    InputStream open(String name) {
        ZipEntry entry = entries.get(name);
        long limit = entry.getSize() >= 0 ? Math.min(entry.getSize(), maxEntryBytes) : maxEntryBytes;
        try {
            return new Bounded(zip.getInputStream(entry), limit, name, maxEntryBytes);
        } catch (ZipException e) {
            throw new ImportRefused(name, "NOT_ZIP", name + " cannot be unpacked: the zip is damaged.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    private static ImportRefused tooLarge(String name, long maxEntryBytes) {
        return new ImportRefused(
                name,
                TOO_LARGE,
                name + " unpacks to more than its zip entry declares or more than " + (maxEntryBytes / (1024 * 1024))
                        + " MiB; the zip is damaged or not a plain OneRoster export.");
    }

    /** Counts what is inflated and refuses past the limit. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final String name;
        private final long maxEntryBytes;
        private long count;

        Bounded(InputStream in, long limit, String name, long maxEntryBytes) {
            super(in);
            this.limit = limit;
            this.name = name;
            this.maxEntryBytes = maxEntryBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(name, maxEntryBytes);
            }
        }
    }
}
