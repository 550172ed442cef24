package org.activelabel.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a head as a JSON description plus a little-endian float32 parameter file beside it. The parameter
 * file gets a new name on every save and the JSON, written last, points at it: a save killed half-way
 * leaves the previous pair loadable. Nothing is read back through Java serialisation.
 */
public final class HeadStore {

    static final String FORMAT = "activelabel-head";
    static final int FORMAT_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(HeadStore.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /** The JSON document; field names are the file format. */
    record HeadFile(String format, int formatVersion, String backboneId, int featureDim, long version,
                    int trainedLabels, List<String> classes, HeadConfig config, NormalisationFile normalisation,
                    String paramsFile, long paramCount, long paramsCrc32) {
    }

    record NormalisationFile(boolean unitLength, float[] mean, float[] scale) {
    }

    private HeadStore() {
    }

    /**
     * Writes {@code snapshot} to {@code jsonFile} and a parameter file next to it, replacing an earlier save.
     *
     * @throws IOException naming the file that could not be written and why; the earlier save is then untouched
     */
    public static void save(ModelSnapshot snapshot, Path jsonFile) throws IOException {
        Path json = jsonFile.toAbsolutePath();
        try {
            write(snapshot, json);
        } catch (IOException e) {
            throw new IOException("cannot save model version " + snapshot.version() + " to " + json + ": "
                    + reason(e) + "; the model saved before is unchanged", e);
        }
    }

    private static void write(ModelSnapshot snapshot, Path json) throws IOException {
        Path dir = json.getParent();
        Files.createDirectories(dir);
        requireRegularOrAbsent(json);
        float[] params = snapshot.parameters();
        var bytes = ByteBuffer.allocate(params.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(params);
        var crc = new CRC32();
        crc.update(bytes.array());
        String paramsName = json.getFileName() + ".v" + snapshot.version() + "-"
                + Long.toHexString(System.currentTimeMillis()) + ".params";
        String previousParams = previousParamsFile(json);

        writeAtomically(dir.resolve(paramsName), bytes.array());
        var norm = snapshot.normalisation();
        var file = new HeadFile(FORMAT, FORMAT_VERSION, snapshot.backboneId(), snapshot.featureDim(), snapshot.version(),
                snapshot.trainedLabels(), snapshot.classes(), snapshot.config(),
                new NormalisationFile(norm.unitLength(), norm.mean(), norm.scale()),
                paramsName, params.length, crc.getValue());
        try {
            writeAtomically(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(file));
        } catch (IOException e) {
            Files.deleteIfExists(dir.resolve(paramsName)); // nothing points at it
            throw e;
        }

        // only a plain name in this folder: the old head file may come from elsewhere
        if (previousParams != null && !previousParams.equals(paramsName) && isPlainName(previousParams)) {
            try {
                Files.deleteIfExists(dir.resolve(previousParams));
            } catch (IOException e) {
                LOG.warn("could not delete the replaced parameter file {}: {}", dir.resolve(previousParams), e.toString());
            }
        }
    }

    /** What went wrong without the path again (a file system error's message is often just the path). */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
    }

    /** A link, FIFO or device in place of a model file would make a save or a load reach (or block on) elsewhere. */
    private static void requireRegularOrAbsent(Path file) throws IOException {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is " + (attributes.isSymbolicLink() ? "a symbolic link"
                    : attributes.isDirectory() ? "a folder" : "a FIFO, device or socket")
                    + ", not a regular file; a model's files must be regular files in the models folder");
        }
    }

    /**
     * Reads a head saved by {@link #save}.
     *
     * @throws IncompatibleHeadException when it was trained on another backbone's features
     * @throws IOException               when a file is missing, truncated, corrupt or of an unknown format; the
     *                                   message names the file
     */
    public static ModelSnapshot load(Path jsonFile, String expectedBackboneId) throws IOException {
        HeadFile file;
        requireRegularOrAbsent(jsonFile);
        try {
            var tree = JSON.readTree(readNoFollow(jsonFile));
            if (tree == null || !FORMAT.equals(tree.path("format").asText())) {
                throw new IOException(jsonFile + " is not an ActiveLabel head file");
            }
            int formatVersion = tree.path("formatVersion").asInt(-1);
            if (formatVersion != FORMAT_VERSION) {
                throw new IOException(jsonFile + " has head format version " + formatVersion + ", this version reads "
                        + FORMAT_VERSION);
            }
            file = JSON.treeToValue(tree, HeadFile.class);
        } catch (NoSuchFileException e) {
            throw new IOException("head file " + jsonFile + " does not exist", e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(jsonFile + " is not a valid head file: " + e.getMessage(), e);
        }
        if (!file.backboneId().equals(expectedBackboneId)) {
            throw new IncompatibleHeadException("head " + jsonFile + " was trained on features of backbone '"
                    + file.backboneId() + "', but the features now come from backbone '" + expectedBackboneId + "'");
        }
        var params = readParams(jsonFile, file);
        try {
            var norm = new InputNormalisation(file.normalisation().unitLength(), file.normalisation().mean(),
                    file.normalisation().scale());
            var network = HeadNetworks.create(file.config(), file.featureDim(), file.classes().size(), file.config().seed());
            HeadNetworks.setParameters(network, params);
            return new ModelSnapshot(file.classes(), file.backboneId(), file.featureDim(), file.version(), file.config(),
                    norm, file.trainedLabels(), network);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(jsonFile + " describes a head that cannot be built: " + e.getMessage(), e);
        }
    }

    private static float[] readParams(Path jsonFile, HeadFile file) throws IOException {
        String name = file.paramsFile();
        if (name == null || !isPlainName(name)) {
            throw new IOException(jsonFile + " names an invalid parameter file: " + name);
        }
        Path paramsPath = jsonFile.resolveSibling(name);
        byte[] bytes;
        requireRegularOrAbsent(paramsPath);
        try {
            bytes = readNoFollow(paramsPath);
        } catch (NoSuchFileException e) {
            throw new IOException("parameter file " + paramsPath + " of head " + jsonFile + " is missing", e);
        }
        long expected = file.paramCount() * Float.BYTES;
        if (bytes.length != expected) {
            throw new IOException("parameter file " + paramsPath + " is " + bytes.length + " bytes, expected " + expected
                    + " (truncated or from another save)");
        }
        var crc = new CRC32();
        crc.update(bytes);
        if (crc.getValue() != file.paramsCrc32()) {
            throw new IOException("parameter file " + paramsPath + " is corrupt (checksum mismatch)");
        }
        var params = new float[(int) file.paramCount()];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(params);
        return params;
    }

    private static String previousParamsFile(Path json) {
        if (!Files.exists(json)) {
            return null;
        }
        try {
            return JSON.readTree(readNoFollow(json)).path("paramsFile").asText(null);
        } catch (IOException e) {
            return null; // an unreadable old head has nothing worth cleaning up
        }
    }

    private static byte[] readNoFollow(Path file) throws IOException {
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    /** Temp file in the same directory, forced to disk, then renamed over the target. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        try (var directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true); // make the rename itself durable
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot force directory {}: {}", dir, e.toString());
        }
    }
}
