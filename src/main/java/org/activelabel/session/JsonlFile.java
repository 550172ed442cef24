package org.activelabel.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of JSON objects, one a line. Each append is one write and one force; the first line of an
 * append of several lines carries {@code "batch": n}, so a write cut short (by a crash or a full disk) is
 * recognised at the next open and left out whole: an append counts all or not at all. A last line without its
 * newline that does not parse is the tail of an interrupted write and is ignored; a complete line that does not
 * parse is damage and stops the reading, naming the line. What is ignored is cut off before the next append.
 * The owner must hold the session lock: this is the only writer.
 */
final class JsonlFile implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(JsonlFile.class);

    /** The field on the first line of a multi-line append: how many lines the append wrote. */
    static final String BATCH_FIELD = "batch";

    /** Told of each good line; throws {@link Json.FieldException} (or IllegalArgumentException) to reject it. */
    @FunctionalInterface
    interface LineHandler {
        void accept(JsonNode line, int lineNumber);
    }

    /** Writes bytes at a position; tests put a failing one in place to play a full disk. */
    @FunctionalInterface
    interface Writes {
        long writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException;
    }

    private final Path file;
    private final FileChannel channel;
    private final Writes writes;
    /** Length of the good content; bytes past it are a torn line or a failed write, cut off before appending. */
    private long end;

    private JsonlFile(Path file, FileChannel channel, Writes writes, long end) {
        this.file = file;
        this.channel = channel;
        this.writes = writes;
        this.end = end;
    }

    /** Opens (creating when missing) and replays every line through {@code handler}. */
    static JsonlFile open(Path file, LineHandler handler) {
        return open(file, handler, AtomicFiles::writeFully);
    }

    static JsonlFile open(Path file, LineHandler handler, Writes writes) {
        SessionFiles.requireRegularFileOrAbsent(file);
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new SessionException("cannot open " + file + ": " + SessionFiles.reason(e), e);
        }
        try {
            SessionFiles.requireRegularFileOrAbsent(file); // replaced between the check and the open
            if (!existed) {
                AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
            }
            long end = replay(file, readAll(channel), handler);
            return new JsonlFile(file, channel, writes, end);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SessionException("cannot read " + file + ": " + SessionFiles.reason(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("file too large (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        long position = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        return buffer.array();
    }

    /** A line read but not yet handed on: the lines of a multi-line append wait until the whole append is there. */
    private record Pending(JsonNode node, int lineNumber) {
    }

    /** Returns the length of the good content. */
    private static long replay(Path file, byte[] bytes, LineHandler handler) {
        int lineNumber = 0;
        int start = 0;
        List<Pending> batch = new ArrayList<>();
        int batchStart = 0;
        int batchSize = 0;
        while (start < bytes.length) {
            lineNumber++;
            int newline = indexOf(bytes, (byte) '\n', start);
            boolean complete = newline >= 0;
            int stop = complete ? newline : bytes.length;
            if (!isBlank(bytes, start, stop)) {
                JsonNode node;
                try {
                    node = parse(bytes, start, stop);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    String problem = e instanceof JsonProcessingException j ? Json.firstLine(j.getOriginalMessage()) : e.getMessage();
                    if (!complete || (hasNul(bytes, start, stop)
                            && restBelongsToTheSameWrite(bytes, stop + 1, batch.isEmpty() ? 0 : batchSize - batch.size() - 1))) {
                        int from = batch.isEmpty() ? start : batchStart;
                        log.warn("{} line {}: ignoring an incomplete last line ({} bytes), probably cut short by a crash{};"
                                + " it will be removed before the next write", file, lineNumber, bytes.length - start,
                                batch.isEmpty() ? "" : ", with the " + batch.size() + " lines written with it");
                        return from;
                    }
                    throw new DamagedFileException(file + " line " + lineNumber + ": damaged, not a JSON object (" + problem
                            + ")", ". The line is complete, so this is not an interrupted write: restore the file from a"
                            + " backup, or correct or delete that line by hand");
                }
                if (batch.isEmpty()) {
                    batchSize = batchSizeOf(file, node, lineNumber);
                    batchStart = start;
                }
                batch.add(new Pending(node, lineNumber));
                if (batch.size() == batchSize) {
                    for (Pending pending : batch) {
                        try {
                            handler.accept(pending.node(), pending.lineNumber());
                        } catch (Json.FieldException | IllegalArgumentException e) {
                            throw new DamagedFileException(file + " line " + pending.lineNumber() + ": " + e.getMessage());
                        }
                    }
                    batch.clear();
                }
            }
            start = stop + 1;
        }
        if (!batch.isEmpty()) {
            log.warn("{} line {}: ignoring the last write, which has {} of its {} lines (cut short by a crash or a full"
                    + " disk): none of it counts, and it will be removed before the next write", file,
                    batch.get(0).lineNumber(), batch.size(), batchSize);
            return batchStart;
        }
        return bytes.length;
    }

    /** NUL never appears in the JSON written here: it is what a disk shows of blocks a cut write never filled. */
    private static boolean hasNul(byte[] bytes, int start, int stop) {
        return indexOf(bytes, (byte) 0, start) >= 0 && indexOf(bytes, (byte) 0, start) < stop;
    }

    /**
     * True when what follows can be part of the unfinished append a NUL line belongs to: only lines of NULs, or no
     * more lines than that append still had to write. Anything else means later appends were made after it: damage.
     */
    private static boolean restBelongsToTheSameWrite(byte[] bytes, int from, int linesLeftInBatch) {
        int start = from;
        int others = 0;
        while (start < bytes.length) {
            int newline = indexOf(bytes, (byte) '\n', start);
            int stop = newline < 0 ? bytes.length : newline;
            if (!isBlank(bytes, start, stop) && !hasNul(bytes, start, stop)) {
                others++;
            }
            start = stop + 1;
        }
        return others <= linesLeftInBatch;
    }

    private static int batchSizeOf(Path file, JsonNode node, int lineNumber) {
        JsonNode size = node.get(BATCH_FIELD);
        if (size == null) {
            return 1;
        }
        if (!size.isIntegralNumber() || !size.canConvertToInt() || size.intValue() < 1) {
            throw new DamagedFileException(file + " line " + lineNumber + ": \"" + BATCH_FIELD
                    + "\" must be a positive count of lines, found " + size);
        }
        return size.intValue();
    }

    private static JsonNode parse(byte[] bytes, int start, int stop) throws JsonProcessingException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes, start, stop - start);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()));
        }
        return node;
    }

    /**
     * Appends the objects, one a line, with one write and one force: durable when this returns. On failure
     * nothing counts as written: the partial bytes are cut off at once, and should that fail too, the next open
     * recognises the incomplete append and leaves it out.
     */
    synchronized void append(List<? extends ObjectNode> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var out = new ByteArrayOutputStream(lines.size() * 128);
        try {
            for (int i = 0; i < lines.size(); i++) {
                ObjectNode line = lines.get(i);
                if (i == 0 && lines.size() > 1) {
                    line = line.deepCopy().put(BATCH_FIELD, lines.size());
                }
                out.write(Json.MAPPER.writeValueAsBytes(line));
                out.write('\n');
            }
            if (end > 0 && !endsWithNewline()) {
                // A whole last object whose newline was lost (or removed by an editor) is kept, not cut.
                out = prefixNewline(out);
            }
            if (channel.size() != end) {
                log.warn("{}: removing {} bytes of an incomplete last write", file, channel.size() - end);
                channel.truncate(end);
            }
        } catch (IOException e) {
            throw new SessionException("cannot write " + file + ": " + SessionFiles.reason(e), e);
        }
        try {
            long newEnd = writes.writeFully(channel, ByteBuffer.wrap(out.toByteArray()), end);
            channel.force(true);
            end = newEnd;
        } catch (IOException e) {
            String undone = cutBack();
            throw new SessionException("cannot write " + file + ": " + SessionFiles.reason(e) + "; none of the "
                    + lines.size() + (lines.size() == 1 ? " line" : " lines") + " of this write counts" + undone, e);
        }
    }

    /** After a failed write: the file back to its good content, or why that failed too. */
    private String cutBack() {
        try {
            channel.truncate(end);
            channel.force(true);
            return "";
        } catch (IOException again) {
            log.warn("{}: cannot cut off a failed write ({}); the next open leaves it out", file, again.toString());
            return " (the partial write stays in the file and is left out when the session is next opened)";
        }
    }

    private boolean endsWithNewline() throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, end - 1);
        return last.get(0) == '\n';
    }

    private static ByteArrayOutputStream prefixNewline(ByteArrayOutputStream lines) {
        var out = new ByteArrayOutputStream(lines.size() + 1);
        out.write('\n');
        out.writeBytes(lines.toByteArray());
        return out;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing {}: {}", channel, e.toString());
        }
    }

    private static boolean isBlank(byte[] bytes, int start, int stop) {
        for (int i = start; i < stop; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
