package org.activelabel.workspace;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.activelabel.features.FeatureStore;
import org.activelabel.features.FileKey;
import org.activelabel.image.ScannedImage;
import org.activelabel.session.LabelEvent;
import org.activelabel.session.LabelState;
import org.activelabel.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labelled images that were moved or sorted into other folders under the image root: a labelled file no longer where
 * the journal has it, and an unlabelled file found elsewhere with the same name, size and modification time (what a
 * move keeps). Only one-to-one matches count; a name, size and time shared by two files matches nothing.
 */
final class MovedImages {

    private static final Logger LOG = LoggerFactory.getLogger(MovedImages.class);

    private MovedImages() {
    }

    private record Signature(String fileName, long sizeBytes, long lastModifiedMillis) {

        static Signature of(String relativePath, long sizeBytes, long lastModifiedMillis) {
            return new Signature(relativePath.substring(relativePath.lastIndexOf('/') + 1), sizeBytes,
                    lastModifiedMillis);
        }
    }

    /**
     * Moves the labels of the images moved under the root to where they are now, in the journal, and their cached
     * features with them, so a moved photo is not read again. Old path to new path of each image moved.
     *
     * @param found the images under the root now
     */
    static Map<String, String> follow(Session session, FeatureStore store, List<ScannedImage> found)
            throws IOException {
        Map<String, LabelState> journal = session.currentLabels();
        Map<String, String> moves = find(found, journal.keySet(), store::keyOf);
        if (moves.isEmpty()) {
            return moves;
        }
        Map<String, ScannedImage> byPath = new HashMap<>();
        found.forEach(image -> byPath.put(image.relativePath(), image));
        List<LabelEvent> events = new ArrayList<>();
        Instant now = Instant.now();
        for (var move : moves.entrySet()) {
            LabelState label = journal.get(move.getKey());
            // the label keeps the time the person gave it
            events.add(LabelEvent.label(move.getValue(), label.classId(), label.source(), label.time()));
            events.add(LabelEvent.unlabel(move.getKey(), label.source(), now));
            ScannedImage to = byPath.get(move.getValue());
            var vector = store.keyOf(move.getKey()).flatMap(store::get);
            if (vector.isPresent()) {
                store.put(new FileKey(to.relativePath(), to.sizeBytes(), to.lastModifiedMillis()), vector.get());
            }
        }
        session.appendLabels(events);
        LOG.info("{} labelled images moved under {}; their labels went with them: {}", moves.size(),
                session.imageRoot(), moves);
        return moves;
    }

    /**
     * Old path to new path, in old path order.
     *
     * @param found     the images under the root now
     * @param labelled  the paths that have a label
     * @param lastKnown where and how a path's file was last seen (its feature cache record), if known
     */
    static Map<String, String> find(List<ScannedImage> found, Set<String> labelled,
                                    Function<String, Optional<FileKey>> lastKnown) {
        Map<String, ScannedImage> here = new HashMap<>();
        found.forEach(image -> here.put(image.relativePath(), image));
        Map<Signature, String> gone = new HashMap<>();
        Map<Signature, Integer> goneCount = new HashMap<>();
        for (String path : labelled) {
            if (here.containsKey(path)) {
                continue;
            }
            lastKnown.apply(path).ifPresent(key -> {
                var signature = Signature.of(path, key.sizeBytes(), key.lastModifiedMillis());
                gone.put(signature, path);
                goneCount.merge(signature, 1, Integer::sum);
            });
        }
        if (gone.isEmpty()) {
            return Map.of();
        }
        Map<Signature, String> arrived = new HashMap<>();
        Map<Signature, Integer> arrivedCount = new HashMap<>();
        for (ScannedImage image : found) {
            if (labelled.contains(image.relativePath())) {
                continue;
            }
            var signature = Signature.of(image.relativePath(), image.sizeBytes(), image.lastModifiedMillis());
            if (gone.containsKey(signature)) {
                arrived.put(signature, image.relativePath());
                arrivedCount.merge(signature, 1, Integer::sum);
            }
        }
        Map<String, String> moves = new TreeMap<>();
        arrived.forEach((signature, to) -> {
            if (goneCount.get(signature) == 1 && arrivedCount.get(signature) == 1) {
                moves.put(gone.get(signature), to);
            }
        });
        return moves;
    }
}
