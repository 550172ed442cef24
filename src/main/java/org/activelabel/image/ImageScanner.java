package org.activelabel.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lists the image files under a folder, sub-folders included, following symbolic links.
 * A link loop or an unreadable entry becomes a {@link ScanProblem}; the walk goes on.
 * Hidden entries (name starting with '.') are skipped: they hold caches and OS metadata files.
 */
public final class ImageScanner {

    /** HEIC, HEIF and AVIF files are listed so that they show up with their reason, not silently left out. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff",
            "heic", "heif", "avif");

    private ImageScanner() {
    }

    public static boolean isImageFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** @throws IOException only when {@code root} itself is not a readable directory */
    public static ScanResult scan(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a folder");
        }
        var images = new ArrayList<ScannedImage>();
        var problems = new ArrayList<ScanProblem>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root) && isHidden(dir)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile() || isHidden(file) || !isImageFileName(file.getFileName().toString())) {
                            return FileVisitResult.CONTINUE;
                        }
                        String relative = relativePath(root, file);
                        if (!Files.isReadable(file)) {
                            problems.add(new ScanProblem(relative, "permission denied"));
                        } else {
                            images.add(new ScannedImage(relative, attrs.size(), attrs.lastModifiedTime().toMillis()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (file.equals(root)) {
                            throw e;
                        }
                        problems.add(new ScanProblem(relativePath(root, file), reason(e)));
                        return FileVisitResult.CONTINUE;
                    }
                });
        images.sort(Comparator.comparing(ScannedImage::relativePath));
        problems.sort(Comparator.comparing(ScanProblem::relativePath));
        return new ScanResult(images, problems);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    static String relativePath(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop (folder already visited)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "broken symbolic link or file vanished";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
