package org.activelabel.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.activelabel.learning.ActiveLearner;
import org.activelabel.session.LabelEvent;
import org.activelabel.session.LabelSource;
import org.activelabel.session.LabelState;
import org.activelabel.session.Session;
import org.activelabel.session.SessionClass;

/**
 * The labels of an open session and its one undo history. Every change reaches the journal durably before
 * memory, then the learner. Not thread-safe: the workspace calls it under its lock.
 */
final class LabelBook {

    private final Session session;
    private final ActiveLearner learner;
    private final Map<Integer, LabelEntry> labels = new HashMap<>();
    private final UndoHistory history = new UndoHistory();

    LabelBook(Session session, ActiveLearner learner) {
        this.session = session;
        this.learner = learner;
    }

    /** Labels as the journal has them now (after opening, or a class merge); undo starts afresh. */
    void reload(Map<String, LabelState> journal, Map<String, Integer> idByPath) {
        labels.clear();
        learner.clearLabels();
        history.clear();
        List<SessionClass> classes = session.classes();
        journal.forEach((path, state) -> {
            int id = idByPath.get(path);
            int index = 0;
            while (index < classes.size() && classes.get(index).id() != state.classId()) {
                index++;
            }
            LabelEntry entry = new LabelEntry(index, state.source(), state.time());
            labels.put(id, entry);
            teach(id, Optional.of(entry));
        });
    }

    Optional<LabelEntry> get(int id) {
        return Optional.ofNullable(labels.get(id));
    }

    boolean has(int id) {
        return labels.containsKey(id);
    }

    Map<Integer, LabelEntry> copy() {
        return Map.copyOf(labels);
    }

    /** Labels the items by a person; the changes made (none when every item had that label already). */
    List<UndoHistory.Change> label(int[] ids, int classIndex, IntFunction<String> pathOf) {
        LabelEntry entry = new LabelEntry(classIndex, LabelSource.HUMAN, Instant.now());
        return record(Arrays.stream(ids).distinct()
                .mapToObj(id -> new UndoHistory.Change(id, get(id), Optional.of(entry))).toList(), pathOf);
    }

    List<UndoHistory.Change> unlabel(int[] ids, IntFunction<String> pathOf) {
        return record(Arrays.stream(ids).distinct().filter(this::has)
                .mapToObj(id -> new UndoHistory.Change(id, get(id), Optional.<LabelEntry>empty())).toList(), pathOf);
    }

    /** Undoes the newest action; the ids it touched, empty when there was none. */
    int[] undo(IntFunction<String> pathOf) {
        return history.nextUndo().map(changes -> {
            write(changes, pathOf);
            history.undone();
            return ids(changes);
        }).orElse(new int[0]);
    }

    int[] redo(IntFunction<String> pathOf) {
        return history.nextRedo().map(changes -> {
            write(changes, pathOf);
            history.redone();
            return ids(changes);
        }).orElse(new int[0]);
    }

    private List<UndoHistory.Change> record(List<UndoHistory.Change> changes, IntFunction<String> pathOf) {
        if (!changes.isEmpty()) {
            write(changes, pathOf);
            history.done(changes);
        }
        return changes;
    }

    // a label that fails to reach the journal changes nothing: not memory, not the learner, not the history
    private void write(List<UndoHistory.Change> changes, IntFunction<String> pathOf) {
        List<SessionClass> classes = session.classes();
        List<LabelEvent> events = new ArrayList<>();
        for (var c : changes) {
            String path = pathOf.apply(c.itemId());
            events.add(c.after().isPresent()
                    ? LabelEvent.label(path, classes.get(c.after().get().classIndex()).id(), c.after().get().source(),
                            Instant.now())
                    : LabelEvent.unlabel(path, LabelSource.HUMAN, Instant.now()));
        }
        session.appendLabels(events);
        for (var c : changes) {
            c.after().ifPresentOrElse(e -> labels.put(c.itemId(), e), () -> labels.remove(c.itemId()));
            teach(c.itemId(), c.after());
        }
    }

    private void teach(int id, Optional<LabelEntry> entry) {
        if (entry.isEmpty()) {
            learner.unlabel(id);
        } else if (entry.get().source() == LabelSource.HUMAN) {
            learner.label(id, entry.get().classIndex());
        } else {
            learner.setAside(id);
        }
    }

    private static int[] ids(List<UndoHistory.Change> changes) {
        return changes.stream().mapToInt(UndoHistory.Change::itemId).toArray();
    }
}
