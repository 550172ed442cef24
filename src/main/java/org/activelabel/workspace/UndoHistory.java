package org.activelabel.workspace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The session's one undo history: label actions as lists of changes. Not thread-safe; its owner locks. */
final class UndoHistory {

    /** One label change: an item's label before and after (empty = unlabelled). */
    record Change(int itemId, Optional<LabelEntry> before, Optional<LabelEntry> after) {
        Change inverse() {
            return new Change(itemId, after, before);
        }
    }

    private final Deque<List<Change>> undo = new ArrayDeque<>();
    private final Deque<List<Change>> redo = new ArrayDeque<>();

    /** A new action: it can be undone, and nothing undone before it can be redone any more. */
    void done(List<Change> changes) {
        undo.addFirst(List.copyOf(changes));
        redo.clear();
    }

    /** The changes that undo the newest action, or empty; {@link #undone()} once they are written. */
    Optional<List<Change>> nextUndo() {
        return Optional.ofNullable(undo.peekFirst()).map(c -> c.stream().map(Change::inverse).toList());
    }

    void undone() {
        redo.addFirst(undo.removeFirst());
    }

    /** The changes that redo the newest undone action, or empty; {@link #redone()} once they are written. */
    Optional<List<Change>> nextRedo() {
        return Optional.ofNullable(redo.peekFirst());
    }

    void redone() {
        undo.addFirst(redo.removeFirst());
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
