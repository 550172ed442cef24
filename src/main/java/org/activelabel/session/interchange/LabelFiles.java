package org.activelabel.session.interchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.activelabel.image.ImageScanner;
import org.activelabel.session.AtomicFiles;
import org.activelabel.session.LabelExport;
import org.activelabel.session.LabelImport;
import org.activelabel.session.SessionException;

/**
 * Exports a session's labels in another tool's format and imports them back. Human labels are labels; a model's
 * prediction, where a format can carry one, is marked as such and never imported as a label.
 */
public final class LabelFiles {

    /** Tree model only, duplicate keys refused, as for the session's own files. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final ObjectMapper PRETTY = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);

    /** What an export wrote; {@code skipped} names each label left out and why. */
    public record Written(int rows, List<String> skipped) {
        public Written {
            skipped = List.copyOf(skipped);
        }
    }

    private LabelFiles() {
    }

    /**
     * Writes {@code rows} (human labels and, if wanted, model predictions) to {@code out}, replacing it atomically.
     *
     * @param imageRoot the session's image folder, which the rows' paths are relative to
     * @param classes   the session's classes, in order
     */
    public static Written write(LabelFormat format, Path out, List<LabelExport.Row> rows, Path imageRoot,
                                List<String> classes) throws IOException {
        return switch (format) {
            case LABEL_STUDIO -> LabelStudioJson.write(out, rows);
            case HUGGING_FACE -> HuggingFaceMetadata.write(out, rows, imageRoot);
            case COCO -> CocoClassification.write(out, rows, classes);
        };
    }

    /**
     * Reads the human labels of {@code file}; each bad entry is reported and left out, as in a CSV import.
     *
     * @throws SessionException when the file cannot be read or is not that format at all: then nothing is imported
     */
    public static LabelImport.Result read(LabelFormat format, Path file, Path imageRoot, LabelImport importer) {
        java.util.Set<String> sessionPaths;
        try {
            sessionPaths = java.util.Set.copyOf(ImageScanner.scan(imageRoot).relativePaths());
        } catch (IOException e) {
            sessionPaths = java.util.Set.of(); // the import's own check reports the images it cannot find
        }
        var labels = new ReadLabels(sessionPaths);
        switch (format) {
            case LABEL_STUDIO -> LabelStudioJson.read(file, imageRoot, labels);
            case HUGGING_FACE -> HuggingFaceMetadata.read(file, imageRoot, labels);
            case COCO -> CocoClassification.read(file, imageRoot, labels);
        }
        return labels.result(importer);
    }

    static JsonNode readJson(Path file, String what) {
        try {
            return JSON.readTree(readText(file));
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new SessionException(file + ": not " + what + ": invalid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SessionException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SessionException(file + ": not valid UTF-8; save the file as UTF-8");
        } catch (IOException e) {
            throw new SessionException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeFile(Path out, String text) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A text field of an object, or null when it is missing or not text. */
    static String text(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static double rounded(float confidence) {
        return Math.round(confidence * 10000) / 10000.0;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
