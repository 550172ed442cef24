package org.activelabel.session;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks on the files a session writes. A session folder may come from someone else: a symbolic link, FIFO or
 * device in place of one of its files would make the app write (or block) elsewhere, so they are refused and
 * files are opened without following links.
 */
public final class SessionFiles {

    private SessionFiles() {
    }

    /** Refuses {@code file} unless it is missing or a regular file itself (not a link to one). */
    public static void requireRegularFileOrAbsent(Path file) {
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null || attributes.isRegularFile()) {
            return;
        }
        throw new SessionException(file + " " + what(attributes)
                + "; a session's own files must be regular files inside the session folder. Replace it with the"
                + " file itself (or remove it)");
    }

    /** Refuses {@code dir} unless it is missing or a folder itself (not a link to one). */
    public static void requireFolderOrAbsent(Path dir) {
        BasicFileAttributes attributes = attributes(dir);
        if (attributes == null || attributes.isDirectory()) {
            return;
        }
        throw new SessionException(dir + " " + what(attributes)
                + "; a session's folders must be real folders inside the session folder. Replace it with a folder");
    }

    /** Creates {@code dir} inside the session folder, refusing a link or file of that name. */
    static void createFolder(Path dir) throws IOException {
        requireFolderOrAbsent(dir);
        Files.createDirectories(dir);
        requireFolderOrAbsent(dir);
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new SessionException("cannot read " + path + ": " + reason(e), e);
        }
    }

    private static String what(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "is a symbolic link, which could make the app write outside the session";
        }
        if (attributes.isDirectory()) {
            return "is a folder, not a file";
        }
        if (attributes.isRegularFile()) {
            return "is a file, not a folder";
        }
        return "is a FIFO, device or socket, not a regular file";
    }

    /**
     * What went wrong, without the path again: the messages of this package already name the file, and
     * {@link FileSystemException#getMessage()} is often just that path.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason();
            String other = fs.getOtherFile() == null ? "" : " (" + fs.getOtherFile() + ")";
            return (reason != null ? reason : e.getClass().getSimpleName()) + other;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
