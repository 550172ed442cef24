package org.activelabel.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activelabel.model.HeadStore;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.session.HistoryEntry;
import org.activelabel.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a session keeps of its models: the current head on disk and one history line per update and validation. */
final class ModelRecords {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRecords.class);
    private static final String HEAD_FILE = "head.json";

    private final Session session;
    private final String backboneId;

    ModelRecords(Session session, String backboneId) {
        this.session = session;
        this.backboneId = backboneId;
    }

    /** The saved head, when there is one for these classes; a file that cannot be read stays as it is. */
    Optional<ModelSnapshot> loadHead(List<String> classes) {
        Path file = session.modelsDir().resolve(HEAD_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ModelSnapshot loaded = HeadStore.load(file, backboneId);
            if (!loaded.classes().equals(classes)) {
                LOG.warn("saved model in {} has classes {}, the session has {}: it will be refitted", file,
                        loaded.classes(), classes);
                return Optional.empty();
            }
            return Optional.of(loaded);
        } catch (RuntimeException | IOException e) {
            // the next update writes a new one beside it atomically
            LOG.warn("could not load the saved model {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the head durably; a model that cannot be saved is an error, never a warning. */
    void saveHead(ModelSnapshot snapshot) {
        Path file = session.modelsDir().resolve(HEAD_FILE);
        try {
            Files.createDirectories(session.modelsDir());
            HeadStore.save(snapshot, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save model version " + snapshot.version() + " in " + file
                    + ": " + e.getMessage(), e);
        }
    }

    /** A summary of a loaded head with the figures its cross-validation gave when it was made. */
    ModelSummary summaryOfLoaded(ModelSnapshot loaded) {
        var made = session.history().stream().filter(h -> h.modelVersion() == loaded.version())
                .filter(h -> !Double.isNaN(h.cvAccuracy())).reduce((first, last) -> last);
        return new ModelSummary(loaded.version(), loaded.trainedLabels(),
                // a saved model is not validated again: what its history says is all there is
                made.map(HistoryEntry::cvAccuracy).orElse(Double.NaN), true, 0, false,
                made.map(HistoryEntry::confusion).orElse(new int[0][0]), curve());
    }

    void recordUpdate(int labelled, long version, long trainMillis, boolean full) {
        session.appendHistory(new HistoryEntry(Instant.now(), labelled, Double.NaN, version, trainMillis, full,
                new int[0][0]));
    }

    /** A second line for the same version: the history records the update, then its validation. */
    void recordValidation(int labelled, long version, long trainMillis, boolean full, double accuracy,
                          int[][] confusion) {
        session.appendHistory(new HistoryEntry(Instant.now(), labelled, accuracy, version, trainMillis, full,
                confusion));
    }

    /** One point per model version: its validation when it has one, else the update itself. */
    List<ModelSummary.CurvePoint> curve() {
        Map<Long, HistoryEntry> byVersion = new LinkedHashMap<>();
        for (HistoryEntry h : session.history()) {
            HistoryEntry seen = byVersion.get(h.modelVersion());
            if (seen == null || !Double.isNaN(h.cvAccuracy()) || Double.isNaN(seen.cvAccuracy())) {
                byVersion.put(h.modelVersion(), h);
            }
        }
        return byVersion.values().stream()
                .map(h -> new ModelSummary.CurvePoint(h.labelled(), h.cvAccuracy()))
                .toList();
    }
}
