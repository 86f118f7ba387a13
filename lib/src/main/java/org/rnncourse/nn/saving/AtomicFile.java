package org.rnncourse.nn.saving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.rnncourse.Messages;

/**
 * Writes a file so that a crash, a full disk or an interrupt half-way never leaves a half-written
 * model behind: the content goes to a temporary file in the same folder (same disk, so the rename
 * below is one step), is flushed to the disk, and only then replaces the target with
 * {@code Files.move(ATOMIC_MOVE)}. Until that rename the old file is untouched; if anything fails,
 * the temporary file is deleted and the old file stays as it was.
 */
final class AtomicFile {
    /** Writes the whole content into the (temporary) path it is given. */
    interface Body {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFile() {}

    /** Writes {@code target} through {@code body}; {@code what} names the file in error messages. */
    static void write(Path target, String what, Body body) {
        if (Files.isDirectory(target)) {
            throw new ModelFileException(Messages.get("nn.file.isAFolder", what, target, target.resolve("model.keras")));
        }
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ModelFileException(Messages.get("nn.file.noFolder", what, target, dir, reason(e)), e);
        }
        Path tmp = null;
        try {
            // Starts with a dot so that a file browser or a glob for *.keras does not show it.
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            body.writeTo(tmp);
            readableLikeAnyFile(tmp, target);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true); // on the disk before the rename, or a power cut could leave an empty file
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // A file system without atomic renames (rare): still never a half-written target.
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new ModelFileException(Messages.get(Files.exists(target) ? "nn.file.saveFailedKept" : "nn.file.saveFailed",
                    what, target, reason(e)), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one the learner needs
                }
            }
        }
    }

    /**
     * A temporary file is private to its owner (rw-------); the saved file should have the
     * permissions of the one it replaces, or rw-r--r-- as a new file usually has.
     */
    private static void readableLikeAnyFile(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /** What went wrong, in words: Java's file exceptions often carry only the path as their message. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return Messages.get("nn.file.permissionDenied");
        if (e instanceof java.nio.file.NoSuchFileException) return Messages.get("nn.file.noSuchFile");
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Reads a whole file, with an error naming it. */
    static byte[] read(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(Messages.get(Files.exists(file) ? "nn.file.notAFile" : "nn.file.doesNotExist", what, file));
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelFileException(Messages.get("nn.file.readFailed", what, file, reason(e)), e);
        } catch (UncheckedIOException e) {
            throw new ModelFileException(Messages.get("nn.file.readFailed", what, file, e.getMessage()), e);
        }
    }
}
