package org.credfolio.shared.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded store's directory and file readable by their owner only. The embedded server
 * has no authentication, so the file system is what keeps other local users out of the data.
 *
 * <p>Each path is created with the owner-only mode and then set to it explicitly: the mode given at
 * creation passes through the process umask, a later {@code chmod} does not, and an existing
 * directory or file (from an older version, or created by hand) is tightened the same way.
 */
final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {}

    /** Whether the file system has POSIX permissions (not on Windows, where this is skipped). */
    static boolean supported(Path path) {
        return Files.getFileAttributeView(path.toAbsolutePath().getRoot(), PosixFileAttributeView.class) != null;
    }

    static void directory(Path directory) throws IOException {
        if (!supported(directory)) {
            Files.createDirectories(directory);
            log.warn("{} is not on a POSIX file system: its permissions are left as they are", directory);
            return;
        }
        if (!Files.isDirectory(directory)) {
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile; tightened below
            }
        }
        restrict(directory, DIRECTORY);
    }

    static void file(Path file) throws IOException {
        if (!supported(file)) {
            return;
        }
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile; tightened below
            }
        }
        restrict(file, FILE);
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
        if (!current.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
            log.info(
                    "Restricted {} from {} to {}",
                    path,
                    PosixFilePermissions.toString(current),
                    PosixFilePermissions.toString(wanted));
        }
    }
}
