package org.activelabel.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Thumbnails of image files, decoded on the calling (background) thread and kept in a
 * least-recently-used cache bounded by entry count and pixel bytes. Failures are cached too, so a
 * broken file is not decoded again on every scroll. An edited file (size or time changed) is decoded
 * again. Thread-safe; two threads asking for the same new file may both decode it.
 */
public final class ThumbnailCache {

    public static final int DEFAULT_MAX_SIDE = 192;

    private record Entry(long sizeBytes, long lastModifiedMillis, DecodeResult result, long bytes) {
    }

    private final ImageDecoder decoder;
    private final int maxSide;
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Path, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** A cache of up to 2000 thumbnails of {@value #DEFAULT_MAX_SIDE} px, at most 256 MB. */
    public ThumbnailCache(ImageDecoder decoder) {
        this(decoder, DEFAULT_MAX_SIDE, 2000, 256L << 20);
    }

    public ThumbnailCache(ImageDecoder decoder, int maxSide, int maxEntries, long maxBytes) {
        if (maxSide <= 0 || maxEntries <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("thumbnail size and cache bounds must be positive");
        }
        this.decoder = decoder;
        this.maxSide = maxSide;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    public int maxSide() {
        return maxSide;
    }

    /**
     * The thumbnail (longer side at most {@link #maxSide()}, TYPE_INT_RGB) or why there is none.
     * Decodes on this thread when not cached: do not call from the UI thread.
     */
    public DecodeResult get(Path file) {
        Path key = file.toAbsolutePath().normalize();
        long size;
        long modified;
        try {
            var attrs = Files.readAttributes(key, BasicFileAttributes.class);
            size = attrs.size();
            modified = attrs.lastModifiedTime().toMillis();
        } catch (IOException e) {
            // let the decoder word the reason (missing, permission) and do not cache it
            return decoder.decode(key);
        }
        synchronized (this) {
            Entry cached = entries.get(key);
            if (cached != null && cached.sizeBytes == size && cached.lastModifiedMillis == modified) {
                return cached.result;
            }
        }
        DecodeResult result = decoder.decodeToFit(key, maxSide);
        long entryBytes = 64;
        if (result instanceof DecodeResult.Decoded decoded) {
            BufferedImage thumb = Resizer.fitWithin(decoded.image(), maxSide);
            result = new DecodeResult.Decoded(thumb);
            entryBytes += 4L * thumb.getWidth() * thumb.getHeight();
        }
        put(key, new Entry(size, modified, result, entryBytes));
        return result;
    }

    /** The cached thumbnail without decoding anything: safe on the UI thread. */
    public synchronized Optional<DecodeResult> cached(Path file) {
        Entry entry = entries.get(file.toAbsolutePath().normalize());
        return entry == null ? Optional.empty() : Optional.of(entry.result);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    private synchronized void put(Path key, Entry entry) {
        Entry previous = entries.put(key, entry);
        if (previous != null) {
            bytes -= previous.bytes;
        }
        bytes += entry.bytes;
        var eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && entries.size() > 1 && eldest.hasNext()) {
            Map.Entry<Path, Entry> oldest = eldest.next();
            bytes -= oldest.getValue().bytes;
            eldest.remove();
        }
    }
}
