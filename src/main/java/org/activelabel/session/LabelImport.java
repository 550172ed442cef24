package org.activelabel.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.activelabel.image.ImageScanner;
import org.activelabel.image.ScannedImage;

/**
 * Reads human labels from outside: a CSV of {@code path,label} (paths relative to the image root) or an
 * ImageFolder ({@code DIR/<class>/...}) inside the image root. Every bad row is reported and left out; the
 * good rows become label events. Nothing here writes: the caller appends the events to the session.
 */
public final class LabelImport {

    public static final String CSV_HEADER = "path,label";

    /** A row that was left out. {@code line} is the CSV line number, 0 where there is none. */
    public record Problem(int line, String path, String reason) {

        public String describe() {
            String where = line > 0 ? "line " + line + ": " : "";
            return where + (path == null || path.isEmpty() ? "" : "\"" + path + "\": ") + reason;
        }
    }

    /**
     * @param events    labels to append, in the order of the input
     * @param unchanged rows that named the label the image already has
     * @param modelRows rows of an export whose source is the model, left out: only human labels are imported
     */
    public record Result(List<LabelEvent> events, List<Problem> problems, int unchanged, int modelRows) {

        public Result {
            events = List.copyOf(events);
            problems = List.copyOf(problems);
        }
    }

    private final Set<String> sessionPaths;
    private final Map<String, SessionClass> classesByKey = new HashMap<>();
    private final List<SessionClass> classes;
    private final Map<String, LabelState> current;
    private final Instant time;

    /**
     * @param sessionPaths the images of the session (relative, '/'), as the scanner lists them
     * @param current      the labels the session has now, so re-importing the same file changes nothing
     */
    public LabelImport(Set<String> sessionPaths, List<SessionClass> classes, Map<String, LabelState> current,
                       Instant time) {
        this.sessionPaths = Set.copyOf(sessionPaths);
        this.classes = List.copyOf(classes);
        this.current = Map.copyOf(current);
        this.time = time;
        classes.forEach(c -> classesByKey.put(SessionFile.nameKey(c.name()), c));
    }

    /** Labels for every image the session has under {@code imageRoot}, from a fresh scan. */
    public static LabelImport forSession(Session session, Instant time) throws IOException {
        var paths = ImageScanner.scan(session.imageRoot()).images().stream().map(ScannedImage::relativePath)
                .collect(java.util.stream.Collectors.toSet());
        return new LabelImport(paths, session.classes(), session.currentLabels(), time);
    }

    /**
     * Reads a UTF-8 CSV whose header names a {@code path} and a {@code label} column, such as {@value #CSV_HEADER}
     * or the {@link LabelExport#CSV_HEADER} of an export. Fields may be quoted ("a, b.png"), and a quoted field
     * may span lines. With a {@code source} column, only human rows are imported: the model's predictions are
     * counted and left out. A cell that an export protected against spreadsheet formulas (a {@code '} before
     * =, +, -, @, tab, CR or {@code '}) is read back without that quote.
     *
     * @throws SessionException when the file cannot be read or its header is wrong: then nothing is imported
     */
    public Result fromCsv(Path csv) {
        byte[] bytes = readCsv(csv);
        List<byte[]> lines = splitLines(bytes);
        if (lines.isEmpty() || decode(lines.get(0)).map(String::isBlank).orElse(false)) {
            throw new SessionException(csv + ": empty file; expected the header \"" + CSV_HEADER + "\" first");
        }
        Optional<String> header = decode(lines.get(0));
        if (header.isEmpty()) {
            throw new SessionException(csv + " line 1: not valid UTF-8; save the file as UTF-8");
        }
        String headerText = header.get().startsWith("\uFEFF") ? header.get().substring(1) : header.get();
        List<String> headerFields = parseCsvLine(headerText);
        List<String> columns = headerFields == null ? List.of()
                : headerFields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        int pathColumn = columns.indexOf("path");
        int labelColumn = columns.indexOf("label");
        int sourceColumn = columns.indexOf("source");
        if (pathColumn < 0 || labelColumn < 0) {
            throw new SessionException(csv + " line 1: expected the header \"" + CSV_HEADER + "\" (or an export's \""
                    + LabelExport.CSV_HEADER + "\"), found \"" + headerText.strip() + "\"");
        }
        String expected = String.join(",", headerFields.stream().map(String::strip).toList());
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> refused = new HashMap<>();
        int modelRows = 0;
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            Optional<String> text = decode(lines.get(i));
            if (text.isEmpty()) {
                problems.add(new Problem(lineNumber, null, "not valid UTF-8; save the file as UTF-8"));
                continue;
            }
            if (text.get().isBlank()) {
                continue;
            }
            // a quoted field may hold line breaks (a file name with a newline): read on until the quote closes
            String record = text.get();
            List<String> fields = parseCsvLine(record);
            while (fields == null && i + 1 < lines.size()) {
                Optional<String> more = decode(lines.get(i + 1));
                if (more.isEmpty()) {
                    break;
                }
                i++;
                record = record + "\n" + more.get();
                fields = parseCsvLine(record);
            }
            if (fields == null) {
                problems.add(new Problem(lineNumber, null, "unbalanced quotes"));
                continue;
            }
            if (fields.size() != columns.size()) {
                problems.add(new Problem(lineNumber, null, "expected " + columns.size() + " fields (" + expected
                        + "), found " + fields.size()));
                continue;
            }
            String path = unprotect(fields.get(pathColumn).strip());
            String label = unprotect(fields.get(labelColumn).strip());
            if (sourceColumn >= 0) {
                String rowSource = fields.get(sourceColumn).strip().toLowerCase(Locale.ROOT);
                if (rowSource.equals("model")) {
                    modelRows++;
                    continue;
                }
                if (!rowSource.isEmpty() && !rowSource.equals("human")) {
                    problems.add(new Problem(lineNumber, path, "source must be human or model, found \""
                            + fields.get(sourceColumn).strip() + "\""));
                    continue;
                }
            }
            if (refused.containsKey(path)) {
                problems.add(new Problem(lineNumber, path, "conflicting labels for the same image (see line "
                        + refused.get(path) + ")"));
                continue;
            }
            Row earlier = rows.get(path);
            if (earlier != null) {
                if (SessionFile.nameKey(earlier.label).equals(SessionFile.nameKey(label))) {
                    problems.add(new Problem(lineNumber, path, "duplicate row (same as line " + earlier.line + ")"));
                } else {
                    rows.remove(path);
                    refused.put(path, earlier.line);
                    problems.add(new Problem(earlier.line, path, "conflicting labels: \"" + earlier.label
                            + "\" here, \"" + label + "\" on line " + lineNumber + "; neither is imported"));
                    problems.add(new Problem(lineNumber, path, "conflicting labels (see line " + earlier.line + ")"));
                }
                continue;
            }
            rows.put(path, new Row(lineNumber, path, label));
        }
        Result result = toEvents(rows.values(), problems);
        return new Result(result.events(), result.problems(), result.unchanged(), modelRows);
    }

    /** The bytes of a CSV that must be a regular file: a FIFO or device would block or never end. */
    private static byte[] readCsv(Path csv) {
        try {
            var attributes = Files.readAttributes(csv, java.nio.file.attribute.BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new SessionException(csv + " is " + (attributes.isDirectory() ? "a folder"
                        : "a FIFO, device or socket") + ", not a CSV file");
            }
            return Files.readAllBytes(csv);
        } catch (NoSuchFileException e) {
            throw new SessionException(csv + ": no such file");
        } catch (IOException e) {
            throw new SessionException("cannot read " + csv + ": " + SessionFiles.reason(e), e);
        }
    }

    /** Undoes {@link LabelExport#protect}: one leading quote before a character a spreadsheet would act on. */
    static String unprotect(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && LabelExport.isFormulaStart(cell.charAt(1))
                ? cell.substring(1) : cell;
    }

    /**
     * Labels each image under {@code DIR/<class>/} (sub-folders included) with that class. {@code dir} must be
     * the image root or inside it: the import labels the session's own files.
     */
    public Result fromImageFolder(Path dir, Path imageRoot) {
        Path realDir;
        Path realRoot;
        try {
            realDir = dir.toRealPath();
            realRoot = imageRoot.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SessionException(e.getFile() + ": no such folder");
        } catch (IOException e) {
            throw new SessionException("cannot read " + dir + ": " + SessionFiles.reason(e), e);
        }
        if (!Files.isDirectory(realDir)) {
            throw new SessionException(dir + " is not a folder");
        }
        if (!realDir.startsWith(realRoot)) {
            throw new SessionException(dir + " is outside the session's image folder " + imageRoot
                    + "; an ImageFolder import labels the session's own images, so it must be that folder or inside it");
        }
        String prefix = realRoot.relativize(realDir).toString().replace(realDir.getFileSystem().getSeparator(), "/");
        List<Problem> problems = new ArrayList<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Path> children;
        try (Stream<Path> list = Files.list(realDir)) {
            children = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new SessionException("cannot list " + dir + ": " + SessionFiles.reason(e), e);
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (!Files.isDirectory(child)) {
                if (ImageScanner.isImageFileName(name)) {
                    problems.add(new Problem(0, join(prefix, name), "not inside a class folder"));
                }
                continue;
            }
            List<ScannedImage> images;
            try {
                var scan = ImageScanner.scan(child);
                images = scan.images();
                scan.problems().forEach(p -> problems.add(new Problem(0, join(join(prefix, name), p.relativePath()),
                        p.reason())));
            } catch (IOException e) {
                problems.add(new Problem(0, join(prefix, name), "cannot list folder: " + e.getMessage()));
                continue;
            }
            for (ScannedImage image : images) {
                String path = join(join(prefix, name), image.relativePath());
                rows.put(path, new Row(0, path, name));
            }
        }
        return toEvents(rows.values(), problems);
    }

    /** One label read from a file: {@code line} is its line or entry number, 0 where there is none. */
    public record Row(int line, String path, String label) {
    }

    /** Labels another reader found (session.interchange), checked and turned into events as CSV rows are. */
    public Result fromRows(List<Row> rows, List<Problem> problems) {
        return toEvents(rows, new ArrayList<>(problems));
    }

    private Result toEvents(Iterable<Row> rows, List<Problem> problems) {
        List<LabelEvent> events = new ArrayList<>();
        int unchanged = 0;
        Map<String, Integer> unknownClassRows = new LinkedHashMap<>();
        for (Row row : rows) {
            Optional<String> pathProblem = pathProblem(row.path);
            if (pathProblem.isPresent()) {
                problems.add(new Problem(row.line, row.path, pathProblem.get()));
                continue;
            }
            SessionClass sessionClass = row.label.isEmpty() ? null : classesByKey.get(SessionFile.nameKey(row.label));
            if (sessionClass == null) {
                problems.add(new Problem(row.line, row.path, row.label.isEmpty() ? "empty label"
                        : "unknown class \"" + row.label + "\" (the session has " + classNames() + ")"));
                unknownClassRows.merge(row.label, 1, Integer::sum);
                continue;
            }
            LabelState now = current.get(row.path);
            if (now != null && now.classId() == sessionClass.id() && now.source() == LabelSource.HUMAN) {
                unchanged++;
                continue;
            }
            events.add(LabelEvent.label(row.path, sessionClass.id(), LabelSource.HUMAN, time));
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return new Result(events, problems, unchanged, 0);
    }

    /** Why a path cannot name an image of the session, if it cannot. */
    private Optional<String> pathProblem(String path) {
        if (path.isEmpty()) {
            return Optional.of("empty path");
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return Optional.of("absolute path refused: paths must be relative to the image root");
        }
        if (path.contains("\\")) {
            return Optional.of("paths must use '/' between folders");
        }
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                return Optional.of("path outside the image root refused ('..')");
            }
            if (part.isEmpty() || part.equals(".")) {
                return Optional.of("path has an empty or '.' part");
            }
        }
        if (!sessionPaths.contains(path)) {
            return Optional.of("not an image of the session (no such image under the image root)");
        }
        return Optional.empty();
    }

    private String classNames() {
        return classes.isEmpty() ? "no classes"
                : "classes " + String.join(", ", classes.stream().map(SessionClass::name).toList());
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** Lines without their '\n' (and a trailing '\r'); a last line without a newline counts. */
    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int stop = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (i < bytes.length || stop > start) {
                    lines.add(java.util.Arrays.copyOfRange(bytes, start, stop));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static Optional<String> decode(byte[] line) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** RFC 4180 fields of one line; null when a quote is left open. */
    static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && (field.isEmpty() || field.toString().isBlank()) && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
