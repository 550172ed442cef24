package org.activelabel.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.activelabel.progress.ProgressSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small pictures of an image folder's images kept on disk, so a folder of camera photos is decoded in full once,
 * not every time a grid shows it. One file per image, named by its relative path, holding the image's size and
 * modification time when it was made: a changed image misses and gets a new thumbnail, as in the feature cache.
 * An image already smaller than {@link #side()} is noted as such, without a picture: decoding it is as cheap as
 * reading a thumbnail.
 *
 * <p>File layout, big-endian: magic {@code ALTHUMB2}, long size, long modified millis, int side, path (short length +
 * UTF-8), int picture length (0 for a small image), the picture (JPEG; PNG for a picture with transparency, which
 * the window shows on its own background), then the CRC-32 of everything before it. A file that does not read back whole
 * (cut short, flipped bits, not a regular file) is ignored and replaced; nothing here throws for a bad thumbnail.
 * Files of the layout before ({@code ALTHUMB1}, every picture a JPEG composited on white) are read for JPEG images
 * and made again for the others, which may be transparent.
 *
 * <p>Files are written to a temporary file and moved over the old one, and only by this instance: the session that
 * owns the folder holds its lock. The folder must be a real folder and its files are read without following links.
 * Thread-safe; two requests for one image wait for one decode.
 */
public final class ThumbnailStore implements AutoCloseable {

    /** Twice the grid's tile: sharp on a double-density screen, and a fair first picture for the large view. */
    public static final int DEFAULT_SIDE = 256;
    static final String SUFFIX = ".thumb";
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailStore.class);
    private static final byte[] MAGIC = "ALTHUMB2".getBytes(StandardCharsets.US_ASCII);
    /** Files made before thumbnails kept transparency: their pictures are composited on white. */
    private static final byte[] FLATTENED_MAGIC = "ALTHUMB1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FILE_BYTES = 4 << 20;
    private static final float JPEG_QUALITY = 0.85f;

    /** Reads an image file into an upright picture at least twice {@code maxSide} on its longer side when it can. */
    @FunctionalInterface
    public interface Decoding {
        DecodeResult decodeToFit(Path file, int maxSide);
    }

    private record Key(String relativePath, long sizeBytes, long lastModifiedMillis) {
    }

    /** What is on disk for a key, checked whole: the thumbnail's file bytes, or null for an image small enough to be its own. */
    private record Stored(byte[] picture) {
    }

    private final Path dir;
    private final Path imageRoot;
    private final int side;
    private final Decoding decoder;
    private final ConcurrentMap<String, CompletableFuture<DecodeResult>> building = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile boolean warnedWrite;

    private ThumbnailStore(Path dir, Path imageRoot, int side, Decoding decoder) {
        this.dir = dir;
        this.imageRoot = imageRoot;
        this.side = side;
        this.decoder = decoder;
    }

    /**
     * Opens (creating if needed) the thumbnails in {@code dir} of the images under {@code imageRoot}, each at most
     * {@code side} pixels on its longer side. Temporary files left by an interrupted run are removed.
     *
     * @throws IOException when {@code dir} cannot be created, or is a link, file, FIFO or device
     */
    public static ThumbnailStore open(Path dir, Path imageRoot, int side, Decoding decoder) throws IOException {
        if (side <= 0) {
            throw new IllegalArgumentException("side must be positive: " + side);
        }
        requireFolder(dir);
        Files.createDirectories(dir);
        requireFolder(dir);
        var store = new ThumbnailStore(dir, imageRoot.toAbsolutePath().normalize(), side, decoder);
        store.removeTemporaryFiles();
        return store;
    }

    /** With the default decoder at {@link #DEFAULT_SIDE}. */
    public static ThumbnailStore open(Path dir, Path imageRoot) throws IOException {
        var decoder = new ImageDecoder();
        return open(dir, imageRoot, DEFAULT_SIDE, decoder::decodeToFit);
    }

    private static void requireFolder(Path dir) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isDirectory()) {
            throw new IOException(dir + " is " + (attributes.isSymbolicLink() ? "a symbolic link"
                    : attributes.isRegularFile() ? "a file" : "a FIFO, device or socket")
                    + ", not a folder; the thumbnails are written only into their own folder. Remove it and they are"
                    + " made again");
        }
    }

    public Path dir() {
        return dir;
    }

    /** The longest side of a stored thumbnail, in pixels. */
    public int side() {
        return side;
    }

    /**
     * The thumbnail of {@code file} (an image under the image root): read from disk when one was made for the file's
     * present size and time, otherwise decoded from the file, stored and returned. Upright, TYPE_INT_RGB (TYPE_INT_ARGB
     * with transparency), at most
     * {@link #side()} on its longer side (smaller images as they are). Blocking; never throws for a bad file.
     */
    public DecodeResult thumbnail(Path file) {
        Optional<Key> key = keyOf(file);
        if (key.isEmpty()) {
            return decoded(decoder.decodeToFit(file, side));
        }
        Optional<DecodeResult> stored = read(key.get()).flatMap(s -> fromDisk(file, key.get(), s));
        return stored.orElseGet(() -> buildOnce(file, key.get()));
    }

    /**
     * The stored thumbnail of {@code file} as a JPEG or PNG file's bytes (for a reader of its own), when one was made for the file's
     * present size and time and reads back whole; empty otherwise, and for an image small enough to be its own.
     * Blocking.
     */
    public Optional<byte[]> storedPicture(Path file) {
        return keyOf(file).flatMap(this::read).map(Stored::picture);
    }

    /** Whether a thumbnail made for {@code file}'s present size and time is on disk and reads back whole. */
    public boolean has(Path file) {
        return keyOf(file).flatMap(this::read).isPresent();
    }

    /**
     * Stores {@code file}'s thumbnail made from {@code upright}, a picture of it decoded for another use (upright, at
     * least twice {@link #side()} on its longer side when the image is that large), unless one is stored or being
     * made: the featuriser's decode of a camera photo then spares a second one. Blocking; never throws.
     */
    public void keepFrom(Path file, BufferedImage upright) {
        if (closed) {
            return;
        }
        Optional<Key> key = keyOf(file);
        if (key.isEmpty() || building.containsKey(key.get().relativePath()) || read(key.get()).isPresent()) {
            return;
        }
        store(key.get(), Resizer.fitWithin(upright, side));
    }

    /**
     * Makes the thumbnails of {@code files} that are not on disk, in the order given, so that later requests read
     * them instead of decoding the images. Blocking; stops when {@code progress} is cancelled or the thread is
     * interrupted.
     *
     * @return how many images were decoded
     */
    public int buildMissing(List<Path> files, ProgressSink progress) {
        int decoded = 0;
        for (int i = 0; i < files.size(); i++) {
            progress.checkCancelled();
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted");
            }
            Path file = files.get(i);
            Optional<Key> key = keyOf(file);
            if (key.isPresent() && read(key.get()).isEmpty()) {
                buildOnce(file, key.get());
                decoded++;
            }
            progress.progress(i + 1, files.size(), "Making thumbnails");
        }
        return decoded;
    }

    /**
     * Deletes the thumbnails of images that are not among {@code relativePaths} (images gone from the folder).
     *
     * @return how many were deleted
     */
    public int retainOnly(Collection<String> relativePaths) {
        Set<String> keep = new HashSet<>();
        relativePaths.forEach(path -> keep.add(fileName(path)));
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!keep.contains(name) && isOurs(name) && !closed) {
                    Files.deleteIfExists(entry);
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.debug("could not tidy the thumbnails in {}: {}", dir, e.toString());
        }
        return deleted;
    }

    /** Nothing is written after this; thumbnails are still decoded for whoever asks. */
    @Override
    public void close() {
        closed = true;
    }

    // ---- one image -----------------------------------------------------------------------------------------

    /** The stored thumbnail as a picture; empty when its bytes do not read after all. */
    private Optional<DecodeResult> fromDisk(Path file, Key key, Stored stored) {
        if (stored.picture() == null) {
            return Optional.of(decoded(decoder.decodeToFit(file, side)));
        }
        Path thumbnail = fileOf(key.relativePath());
        try {
            // read closes the stream
            BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(stored.picture())));
            if (image == null || Math.max(image.getWidth(), image.getHeight()) > side) {
                return damaged(thumbnail, "the picture does not read");
            }
            return Optional.of(new DecodeResult.Decoded(Resizer.toIntPixels(image)));
        } catch (IOException | RuntimeException e) {
            return damaged(thumbnail, e.toString());
        }
    }

    /** Decodes and stores {@code file}'s thumbnail; a second caller for the same image waits for the first. */
    private DecodeResult buildOnce(Path file, Key key) {
        var mine = new CompletableFuture<DecodeResult>();
        var running = building.putIfAbsent(key.relativePath(), mine);
        if (running != null) {
            return running.join();
        }
        try {
            // another caller may have stored it between our read and now
            DecodeResult result = read(key).flatMap(s -> fromDisk(file, key, s)).orElseGet(() -> build(file, key));
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            building.remove(key.relativePath(), mine);
        }
    }

    private DecodeResult build(Path file, Key key) {
        DecodeResult result = decoded(decoder.decodeToFit(file, side));
        if (result instanceof DecodeResult.Decoded decoded) {
            store(key, decoded.image());
        }
        return result;
    }

    /** Writes the thumbnail of a picture already brought down to the side. */
    private void store(Key key, BufferedImage fitted) {
        // a small image: reading it is as quick as reading a thumbnail, so only that is noted
        write(key, Math.max(fitted.getWidth(), fitted.getHeight()) < side ? null : fitted);
    }

    /** The decoder's picture brought down to the side. */
    private DecodeResult decoded(DecodeResult result) {
        if (result instanceof DecodeResult.Decoded decoded) {
            return new DecodeResult.Decoded(Resizer.fitWithin(decoded.image(), side));
        }
        return result;
    }

    private Optional<Key> keyOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(imageRoot) || absolute.equals(imageRoot)) {
            return Optional.empty();
        }
        String relative = imageRoot.relativize(absolute).toString().replace(absolute.getFileSystem().getSeparator(), "/");
        try {
            var attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
            return Optional.of(new Key(relative, attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // ---- the files -----------------------------------------------------------------------------------------

    private Path fileOf(String relativePath) {
        return dir.resolve(fileName(relativePath));
    }

    static String fileName(String relativePath) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(relativePath.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    private static boolean isOurs(String name) {
        return name.length() == 40 + SUFFIX.length() && name.substring(0, 40).chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** The stored thumbnail of exactly this key, or empty when there is none or it does not read back whole. */
    private Optional<Stored> read(Key key) {
        Path file = fileOf(key.relativePath());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return damaged(file, e.toString());
        }
        // a link, FIFO or device is never opened: a FIFO would block the reader
        if (!attributes.isRegularFile()) {
            return damaged(file, "not a regular file");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            return damaged(file, attributes.size() + " bytes, more than a thumbnail");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return damaged(file, e.toString());
        }
        try {
            return parse(bytes, key, file);
        } catch (RuntimeException e) {
            return damaged(file, e.toString());
        }
    }

    private Optional<Stored> parse(byte[] bytes, Key key, Path file) {
        boolean flattened = bytes.length >= MAGIC.length
                && Arrays.equals(bytes, 0, MAGIC.length, FLATTENED_MAGIC, 0, MAGIC.length);
        if (bytes.length < MAGIC.length + 4
                || !(flattened || Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length))) {
            return damaged(file, "not a thumbnail file");
        }
        var crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        var buffer = ByteBuffer.wrap(bytes);
        if ((int) crc.getValue() != buffer.getInt(bytes.length - 4)) {
            return damaged(file, "checksum mismatch");
        }
        buffer.position(MAGIC.length);
        long size = buffer.getLong();
        long modified = buffer.getLong();
        int storedSide = buffer.getInt();
        byte[] path = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(path);
        if (size != key.sizeBytes() || modified != key.lastModifiedMillis() || storedSide != side
                || !key.relativePath().equals(new String(path, StandardCharsets.UTF_8))) {
            return Optional.empty(); // made for another version of the image, or another size: made again
        }
        int length = buffer.getInt();
        if (length < 0 || length != buffer.remaining() - 4) {
            return damaged(file, "wrong picture length");
        }
        if (length == 0) {
            return Optional.of(new Stored(null));
        }
        if (flattened && !cannotBeTransparent(key.relativePath())) {
            return Optional.empty(); // may have lost its transparency to white: made again
        }
        byte[] picture = new byte[length];
        buffer.get(picture);
        return Optional.of(new Stored(picture));
    }

    /** A JPEG by its name: no transparency to lose. */
    private static boolean cannotBeTransparent(String relativePath) {
        String name = relativePath.toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".jpe") || name.endsWith(".jfif");
    }

    private <T> Optional<T> damaged(Path file, String why) {
        LOG.info("thumbnail {} is unusable ({}); it is made again from the image", file, why);
        return Optional.empty();
    }

    /** Stores {@code image} as the key's thumbnail; null notes a small image. */
    private void write(Key key, BufferedImage image) {
        if (closed) {
            return;
        }
        Path target = fileOf(key.relativePath());
        Path temp = null;
        try {
            byte[] bytes = encode(key, image);
            // a new file of its own (never an existing name), moved over whatever was there, links included
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.write(temp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException | RuntimeException e) {
            if (!warnedWrite) {
                warnedWrite = true;
                LOG.warn("could not store the thumbnail of {} in {} ({}); thumbnails are decoded from the images"
                        + " until they can be stored", key.relativePath(), dir, e.toString());
            }
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("could not remove {}: {}", temp, e.toString());
                }
            }
        }
    }

    private byte[] encode(Key key, BufferedImage image) throws IOException {
        byte[] picture = image == null ? new byte[0] : image.getColorModel().hasAlpha() ? png(image) : jpeg(image);
        byte[] path = key.relativePath().getBytes(StandardCharsets.UTF_8);
        if (path.length > 0xFFFF) {
            throw new IOException("path too long to store: " + key.relativePath());
        }
        var buffer = ByteBuffer.allocate(MAGIC.length + 8 + 8 + 4 + 2 + path.length + 4 + picture.length + 4);
        buffer.put(MAGIC).putLong(key.sizeBytes()).putLong(key.lastModifiedMillis()).putInt(side);
        buffer.putShort((short) path.length).put(path).putInt(picture.length).put(picture);
        var crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream(32 << 10);
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(Resizer.toIntRgb(image), null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream(64 << 10);
        if (!ImageIO.write(Resizer.toIntPixels(image), "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    private void removeTemporaryFiles() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not remove temporary files in {}: {}", dir, e.toString());
        }
    }
}
