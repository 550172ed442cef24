package org.activelabel.features;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-disk cache of float32 feature vectors for one backbone, in {@code <dir>/<backboneId>/features.bin}.
 * Append-only: each record holds a {@link FileKey} and either a vector or the reason the file could
 * not be featurised (so a broken file is not retried until it changes); the latest record for a
 * path wins. Everything is loaded into memory on open. Thread-safe.
 *
 * <p>File layout, big-endian: magic {@code ALFEAT01}, int dimension, UTF-8 backbone id (short length
 * first); then records of int payload length, payload, int CRC-32 of the payload. Payload: byte kind
 * (1 vector, 2 failure), long size, long modified millis, path (short length + UTF-8), then
 * {@code dimension} floats or the reason (short length + UTF-8).
 *
 * <p>A record cut short by a crash at the end is dropped with a warning and truncated away before the
 * next append. A file damaged before its end, or not a feature cache of this backbone, is set aside as
 * {@code features.bin.damaged-<time>} with a warning and the cache starts empty: it is derived data, the
 * images are featurised again. The file and its folder must be real (not links, FIFOs or devices). Appends
 * are not synced one by one (it is a cache); the file is forced every {@value #FORCE_EVERY} records
 * and on close.
 */
public final class FeatureStore implements Closeable {

    public static final String FILE_NAME = "features.bin";
    static final int FORCE_EVERY = 1024;

    private static final Logger log = LoggerFactory.getLogger(FeatureStore.class);
    private static final byte[] MAGIC = "ALFEAT01".getBytes(StandardCharsets.US_ASCII);
    private static final byte KIND_VECTOR = 1;
    private static final byte KIND_FAILURE = 2;
    private static final int MAX_TEXT_BYTES = 0xFFFF;
    private static final int MIN_PAYLOAD = 1 + 8 + 8 + 2;

    private record Stored(long sizeBytes, long lastModifiedMillis, float[] vector, String failure) {

        boolean matches(FileKey key) {
            return sizeBytes == key.sizeBytes() && lastModifiedMillis == key.lastModifiedMillis();
        }
    }

    private final Path file;
    private final String backboneId;
    private final int dimension;
    private final Map<String, Stored> byPath = new HashMap<>();
    private FileChannel channel;
    private int unforced;

    private FeatureStore(Path file, String backboneId, int dimension) {
        this.file = file;
        this.backboneId = backboneId;
        this.dimension = dimension;
    }

    /**
     * Opens (creating if needed) the cache of {@code backboneId} under {@code cacheDir}.
     *
     * @throws IOException when the file cannot be read or written, or is a link, FIFO or device
     */
    public static FeatureStore open(Path cacheDir, String backboneId, int dimension) throws IOException {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        Path folder = cacheDir.resolve(folderName(backboneId));
        requireReal(folder, true);
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        requireReal(file, false);
        var store = new FeatureStore(file, backboneId, dimension);
        try {
            store.load();
        } catch (DamagedCacheException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".damaged-" + System.currentTimeMillis());
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            log.warn("{}; set it aside as {} and started an empty cache: the images will be featurised again",
                    e.getMessage(), aside);
            store = new FeatureStore(file, backboneId, dimension);
            store.load();
        }
        return store;
    }

    /** Damage to the content, as opposed to a file that cannot be read at all. */
    private static final class DamagedCacheException extends IOException {
        DamagedCacheException(String message) {
            super(message);
        }
    }

    /** Refuses a symbolic link, FIFO or device where the cache keeps its folder or file. */
    private static void requireReal(Path path, boolean folder) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (folder ? !attributes.isDirectory() : !attributes.isRegularFile()) {
            throw new IOException(path + " is " + (attributes.isSymbolicLink() ? "a symbolic link"
                    : attributes.isDirectory() ? "a folder" : attributes.isRegularFile() ? "a file"
                    : "a FIFO, device or socket") + ", not a " + (folder ? "folder" : "regular file")
                    + "; the feature cache writes only to its own files. Remove it and the cache is rebuilt");
        }
    }

    /** The backbone id made safe as a folder name. */
    static String folderName(String backboneId) {
        String safe = backboneId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    public Path file() {
        return file;
    }

    public String backboneId() {
        return backboneId;
    }

    public int dimension() {
        return dimension;
    }

    /** The cached vector (a copy) when the file at this key's size and time was featurised. */
    public synchronized Optional<float[]> get(FileKey key) {
        Stored stored = byPath.get(key.relativePath());
        if (stored == null || stored.vector == null || !stored.matches(key)) {
            return Optional.empty();
        }
        return Optional.of(stored.vector.clone());
    }

    /** Why this file at this key's size and time could not be featurised, if it could not. */
    public synchronized Optional<String> failure(FileKey key) {
        Stored stored = byPath.get(key.relativePath());
        if (stored == null || stored.failure == null || !stored.matches(key)) {
            return Optional.empty();
        }
        return Optional.of(stored.failure);
    }

    /** True when a vector or a failure is recorded for exactly this key: nothing left to do for it. */
    public synchronized boolean contains(FileKey key) {
        Stored stored = byPath.get(key.relativePath());
        return stored != null && stored.matches(key);
    }

    /** The size and time of the file at {@code relativePath} when it was last featurised (or failed), if ever. */
    public synchronized Optional<FileKey> keyOf(String relativePath) {
        Stored stored = byPath.get(relativePath);
        return stored == null ? Optional.empty()
                : Optional.of(new FileKey(relativePath, stored.sizeBytes, stored.lastModifiedMillis));
    }

    /** Number of paths with a record (vector or failure). */
    public synchronized int size() {
        return byPath.size();
    }

    public synchronized void put(FileKey key, float[] vector) throws IOException {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector of %s has %d values, the cache holds %d"
                    .formatted(key.relativePath(), vector.length, dimension));
        }
        float[] copy = vector.clone();
        append(encode(key, KIND_VECTOR, copy, null));
        byPath.put(key.relativePath(), new Stored(key.sizeBytes(), key.lastModifiedMillis(), copy, null));
    }

    public synchronized void putFailure(FileKey key, String reason) throws IOException {
        String text = clip(reason == null || reason.isBlank() ? "unknown failure" : reason);
        append(encode(key, KIND_FAILURE, null, text));
        byPath.put(key.relativePath(), new Stored(key.sizeBytes(), key.lastModifiedMillis(), null, text));
    }

    /** Pushes appended records to the disk. */
    public synchronized void flush() throws IOException {
        if (channel != null && unforced > 0) {
            channel.force(false);
            unforced = 0;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            flush();
        } finally {
            channel.close();
            channel = null;
        }
    }

    private void append(ByteBuffer record) throws IOException {
        if (channel == null) {
            throw new IllegalStateException("feature cache " + file + " is closed");
        }
        while (record.hasRemaining()) {
            channel.write(record);
        }
        if (++unforced >= FORCE_EVERY) {
            flush();
        }
    }

    private ByteBuffer encode(FileKey key, byte kind, float[] vector, String failure) {
        byte[] path = key.relativePath().getBytes(StandardCharsets.UTF_8);
        if (path.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("path too long for the feature cache: " + key.relativePath());
        }
        byte[] reason = failure == null ? null : failure.getBytes(StandardCharsets.UTF_8);
        int payload = MIN_PAYLOAD + path.length + (vector != null ? 4 * vector.length : 2 + reason.length);
        var buffer = ByteBuffer.allocate(4 + payload + 4);
        buffer.putInt(payload);
        buffer.put(kind).putLong(key.sizeBytes()).putLong(key.lastModifiedMillis());
        buffer.putShort((short) path.length).put(path);
        if (vector != null) {
            buffer.asFloatBuffer().put(vector);
            buffer.position(buffer.position() + 4 * vector.length);
        } else {
            buffer.putShort((short) reason.length).put(reason);
        }
        var crc = new CRC32();
        crc.update(buffer.array(), 4, payload);
        buffer.putInt((int) crc.getValue());
        return buffer.flip();
    }

    private static String clip(String reason) {
        String text = reason;
        while (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            text = text.substring(0, text.length() / 2);
        }
        return text;
    }

    private void load() throws IOException {
        long validEnd;
        if (!Files.exists(file) || Files.size(file) == 0) {
            validEnd = writeHeader();
        } else {
            validEnd = readAll();
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        if (channel.size() > validEnd) {
            channel.truncate(validEnd);
            channel.force(false);
        }
        channel.position(validEnd);
    }

    private long writeHeader() throws IOException {
        byte[] id = backboneId.getBytes(StandardCharsets.UTF_8);
        var header = ByteBuffer.allocate(MAGIC.length + 4 + 2 + id.length);
        header.put(MAGIC).putInt(dimension).putShort((short) id.length).put(id);
        Files.write(file, header.array(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return header.capacity();
    }

    /** Loads every record; returns the offset just after the last whole record. */
    private long readAll() throws IOException {
        long length = Files.size(file);
        try (InputStream raw = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             var in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            long offset = readHeader(in, length);
            int maxPayload = MIN_PAYLOAD + MAX_TEXT_BYTES + Math.max(4 * dimension, 2 + MAX_TEXT_BYTES);
            var crc = new CRC32();
            byte[] payload = new byte[0];
            int records = 0;
            while (offset < length) {
                long remaining = length - offset;
                if (remaining < 4) {
                    return tornTail(offset, length);
                }
                int size = in.readInt();
                if (size < MIN_PAYLOAD || size > maxPayload) {
                    if (size == 0 && zerosToEnd(in, remaining - 4)) {
                        return tornTail(offset, length);
                    }
                    throw damaged(offset, "impossible record length " + size);
                }
                if (remaining < 4L + size + 4) {
                    return tornTail(offset, length);
                }
                if (payload.length < size) {
                    payload = new byte[size];
                }
                in.readFully(payload, 0, size);
                int expected = in.readInt();
                crc.reset();
                crc.update(payload, 0, size);
                if ((int) crc.getValue() != expected) {
                    if (offset + 8 + size == length) {
                        return tornTail(offset, length);
                    }
                    throw damaged(offset, "checksum mismatch");
                }
                try {
                    decode(ByteBuffer.wrap(payload, 0, size), offset);
                } catch (java.nio.BufferUnderflowException e) {
                    throw damaged(offset, "record shorter than its fields");
                }
                offset += 8L + size;
                records++;
            }
            log.debug("Loaded {} feature records ({} paths) from {}", records, byPath.size(), file);
            return offset;
        }
    }

    private long readHeader(DataInputStream in, long length) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        try {
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DamagedCacheException("Not a feature cache (bad magic): " + file);
            }
            int storedDimension = in.readInt();
            byte[] id = new byte[in.readUnsignedShort()];
            in.readFully(id);
            String storedId = new String(id, StandardCharsets.UTF_8);
            if (!storedId.equals(backboneId) || storedDimension != dimension) {
                throw new DamagedCacheException("Feature cache %s holds %s with %d values, not %s with %d"
                        .formatted(file, storedId, storedDimension, backboneId, dimension));
            }
            return MAGIC.length + 4 + 2 + id.length;
        } catch (EOFException e) {
            throw new DamagedCacheException("Feature cache header is cut short (" + length + " bytes): " + file);
        }
    }

    private void decode(ByteBuffer payload, long offset) throws IOException {
        byte kind = payload.get();
        long size = payload.getLong();
        long modified = payload.getLong();
        String path = text(payload, offset);
        if (kind == KIND_VECTOR && payload.remaining() == 4 * dimension) {
            float[] vector = new float[dimension];
            payload.asFloatBuffer().get(vector);
            byPath.put(path, new Stored(size, modified, vector, null));
        } else if (kind == KIND_FAILURE) {
            byPath.put(path, new Stored(size, modified, null, text(payload, offset)));
        } else {
            throw damaged(offset, "unknown record kind " + kind + " or wrong vector length");
        }
    }

    private String text(ByteBuffer payload, long offset) throws IOException {
        int length = Short.toUnsignedInt(payload.getShort());
        if (length > payload.remaining()) {
            throw damaged(offset, "text longer than its record");
        }
        byte[] bytes = new byte[length];
        payload.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean zerosToEnd(DataInputStream in, long count) throws IOException {
        for (long i = 0; i < count; i++) {
            if (in.read() != 0) {
                return false;
            }
        }
        return true;
    }

    private long tornTail(long offset, long length) {
        log.warn("Feature cache {} ends with an incomplete record at offset {} ({} bytes, left by an interrupted run); "
                + "dropping it, those images will be featurised again", file, offset, length - offset);
        return offset;
    }

    private IOException damaged(long offset, String what) {
        return new DamagedCacheException("Feature cache %s is damaged at offset %d (%s)"
                .formatted(file, offset, what));
    }
}
