package org.activelabel.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes labels out: CSV ({@value #CSV_HEADER}; text cells protected against spreadsheet formulas, see
 * {@link #csvField}), JSON lines with the same fields, or an ImageFolder
 * ({@code OUT/<class>/<image>}, hard links where the file system allows, copies otherwise). The CSV and
 * JSON files are replaced atomically: a crash leaves the old file or the new one.
 */
public final class LabelExport {

    public static final String CSV_HEADER = "path,label,source,confidence";

    /**
     * One exported label.
     *
     * @param confidence the model's probability for {@code label}; NaN for a human label
     */
    public record Row(String path, String label, LabelSource source, float confidence) {
    }

    /** What an ImageFolder export did; {@code skipped} names each image left out and why. */
    public record FolderResult(int linked, int copied, List<String> skipped) {
    }

    private LabelExport() {
    }

    public static void writeCsv(Path out, List<Row> rows) throws IOException {
        var text = new StringBuilder(CSV_HEADER).append('\n');
        for (Row row : rows) {
            text.append(csvField(row.path())).append(',').append(csvField(row.label())).append(',')
                    .append(source(row.source())).append(',')
                    .append(Float.isNaN(row.confidence()) ? "" : String.format(Locale.ROOT, "%.4f", row.confidence()))
                    .append('\n');
        }
        write(out, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static void writeJsonl(Path out, List<Row> rows) throws IOException {
        var text = new StringBuilder();
        for (Row row : rows) {
            ObjectNode node = Json.MAPPER.createObjectNode()
                    .put("path", row.path())
                    .put("label", row.label())
                    .put("source", source(row.source()));
            if (Float.isNaN(row.confidence())) {
                node.putNull("confidence");
            } else {
                node.put("confidence", Math.round(row.confidence() * 10000) / 10000.0);
            }
            try {
                text.append(Json.MAPPER.writeValueAsString(node)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode a label of " + row.path(), e);
            }
        }
        write(out, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Puts each image under {@code out/<label>/}, named as its file (or by its whole path, '/' made "__", when two
     * images of a class share a name). {@code out} must be new or empty and outside {@code imageRoot}, where the
     * copies would become images of the session.
     */
    public static FolderResult writeImageFolder(Path out, Path imageRoot, List<Row> rows) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path root = imageRoot.toRealPath();
        // resolved up to the nearest existing part: a link in a path not made yet can still lead inside
        Path realTarget = OutputPaths.realTarget(target);
        if (realTarget.startsWith(root)) {
            throw new SessionException(out + " is inside the image folder " + imageRoot
                    + "; the exported copies would become images of the session: choose a folder outside it");
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new SessionException(out + " exists and is not a folder");
            }
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new SessionException(out + " is not empty; export into a new or empty folder");
                }
            }
        }
        Files.createDirectories(target);
        int linked = 0;
        int copied = 0;
        List<String> skipped = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Row row : rows) {
            Path source = root.resolve(row.path());
            if (!Files.isRegularFile(source)) {
                skipped.add(row.path() + ": file not found");
                continue;
            }
            String folder = folderName(row.label());
            Path classDir = target.resolve(folder);
            Files.createDirectories(classDir);
            String fileName = source.getFileName().toString();
            if (!taken.add(folder + "/" + fileName)) {
                fileName = row.path().replace("/", "__");
                taken.add(folder + "/" + fileName);
            }
            Path destination = classDir.resolve(fileName);
            try {
                Files.createLink(destination, source.toRealPath());
                linked++;
            } catch (FileAlreadyExistsException e) {
                skipped.add(row.path() + ": " + destination + " already exists");
            } catch (IOException | UnsupportedOperationException e) {
                // another file system, or links not allowed: a copy does as well
                Files.copy(source, destination);
                copied++;
            }
        }
        return new FolderResult(linked, copied, skipped);
    }

    /** A class name as a single safe folder name: separators and a leading dot would put files elsewhere. */
    static String folderName(String label) {
        String safe = label.strip().replaceAll("[/\\\\:*?\"<>|\\x00-\\x1f]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return safe;
    }

    /**
     * One CSV cell: protected against formula injection, then quoted when it holds a separator, quote, line
     * break or outer space.
     */
    public static String csvField(String value) {
        String cell = protect(value);
        boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                || !cell.equals(cell.strip());
        return quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /**
     * A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a single quote in
     * front, as OWASP recommends against CSV injection; so does a cell that starts with a quote, so that import
     * can take exactly one quote off again ({@link LabelImport}).
     */
    static String protect(String value) {
        return !value.isEmpty() && isFormulaStart(value.charAt(0)) ? "'" + value : value;
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
    }

    private static String source(LabelSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    private static void write(Path out, byte[] bytes) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(out, bytes);
    }
}
