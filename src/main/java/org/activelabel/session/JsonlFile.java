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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of JSON objects, one a line. Each append is one write and one force. A last line cut
 * short by a crash is ignored and cut off before the next append; any other bad line stops the reading and
 * leaves the file as it is. The owner must hold the session lock: this is the only writer.
 */
final class JsonlFile implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(JsonlFile.class);

    /** Told of each good line; throws {@link Json.FieldException} (or IllegalArgumentException) to reject it. */
    @FunctionalInterface
    interface LineHandler {
        void accept(JsonNode line, int lineNumber);
    }

    private final Path file;
    private final FileChannel channel;
    /** Length of the good content; bytes past it are a torn line or a failed write, cut off before appending. */
    private long end;

    private JsonlFile(Path file, FileChannel channel, long end) {
        this.file = file;
        this.channel = channel;
        this.end = end;
    }

    /** Opens (creating when missing) and replays every line through {@code handler}. */
    static JsonlFile open(Path file, LineHandler handler) {
        boolean existed = Files.exists(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new SessionException("cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            if (!existed) {
                AtomicFiles.forceDirectory(file.toAbsolutePath().getParent());
            }
            long end = replay(file, readAll(channel), handler);
            return new JsonlFile(file, channel, end);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SessionException("cannot read " + file + ": " + e.getMessage(), e);
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

    /** Returns the length of the good content. */
    private static long replay(Path file, byte[] bytes, LineHandler handler) {
        int lastContentLine = lastNonBlankLineStart(bytes);
        int lineNumber = 0;
        int start = 0;
        while (start < bytes.length) {
            lineNumber++;
            int newline = indexOf(bytes, (byte) '\n', start);
            int stop = newline < 0 ? bytes.length : newline;
            if (!isBlank(bytes, start, stop)) {
                boolean last = start == lastContentLine;
                JsonNode node;
                try {
                    node = parse(bytes, start, stop);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    String problem = e instanceof JsonProcessingException j ? Json.firstLine(j.getOriginalMessage()) : e.getMessage();
                    if (last) {
                        log.warn("{} line {}: ignoring an incomplete last line ({} bytes), probably cut short by a crash;"
                                + " it will be removed before the next write", file, lineNumber, bytes.length - start);
                        return start;
                    }
                    throw new SessionException(file + " line " + lineNumber + ": not a JSON object: " + problem);
                }
                try {
                    handler.accept(node, lineNumber);
                } catch (Json.FieldException | IllegalArgumentException e) {
                    throw new SessionException(file + " line " + lineNumber + ": " + e.getMessage());
                }
            }
            start = stop + 1;
        }
        return bytes.length;
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
     * Appends the objects, one a line, with one write and one force: durable when this returns.
     * On failure nothing counts as written and the partial bytes are cut off by the next append.
     */
    synchronized void append(List<? extends ObjectNode> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var out = new ByteArrayOutputStream(lines.size() * 128);
        try {
            for (ObjectNode line : lines) {
                out.write(Json.MAPPER.writeValueAsBytes(line));
                out.write('\n');
            }
            if (end > 0 && !endsWithNewline()) {
                // A whole last object whose newline was lost (or removed by an editor) is kept, not cut.
                out = prefixNewline(out);
            }
            if (channel.size() != end) {
                log.warn("{}: removing {} bytes of an incomplete last line", file, channel.size() - end);
                channel.truncate(end);
            }
            long newEnd = AtomicFiles.writeFully(channel, ByteBuffer.wrap(out.toByteArray()), end);
            channel.force(true);
            end = newEnd;
        } catch (IOException e) {
            throw new SessionException("cannot write " + file + ": " + e.getMessage(), e);
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

    private static int lastNonBlankLineStart(byte[] bytes) {
        int stop = bytes.length;
        while (stop > 0) {
            int newline = lastIndexOf(bytes, (byte) '\n', stop - 1);
            int start = newline + 1;
            if (!isBlank(bytes, start, stop)) {
                return start;
            }
            stop = newline < 0 ? 0 : newline;
        }
        return -1;
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

    private static int lastIndexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
