package org.activelabel.ui.label;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.activelabel.workspace.ImageItem;

/**
 * The queue as the person sees it: the ranking's order without the images labelled meanwhile, filtered by
 * the search, with the keyboard focus, the image under the pointer and the selection. Plain state on one
 * thread (the window's); it reads nothing itself, the view-model tells it what the workspace said.
 */
public final class LabelQueue {

    private List<ImageItem> items;
    /** The ranking's order. */
    private int[] rankedOrder = new int[0];
    private boolean[] ranked = new boolean[0];
    /** The ranking's order with the images under the pointer and focus kept where they were when it came. */
    private int[] shownOrder = new int[0];
    /** Labelled here, not yet confirmed by the workspace: hidden at once. */
    private final Set<Integer> pending = new HashSet<>();
    /** Queue items the workspace says are labelled (the ranking may be older than the labels). */
    private Set<Integer> labelled = new HashSet<>();
    /** Images brought back by undo that the current ranking does not list: shown first until it does. */
    private final Set<Integer> restored = new LinkedHashSet<>();
    private final Set<Integer> selection = new LinkedHashSet<>();
    private final Set<Integer> selectionView = Collections.unmodifiableSet(selection);
    private QueueSnapshot snapshot = QueueSnapshot.EMPTY;
    private String needle = "";
    private int focused = -1;
    private int hovered = -1;
    private int anchor = -1;
    private int focusWhenShown = -1;
    /** The person moved the focus or labelled: from then on a new ranking leaves the focus where it is. */
    private boolean focusChosen;

    public LabelQueue(List<ImageItem> items, int[] order) {
        this.items = items;
        setOrder(order, false);
    }

    // ---- reading ----

    public QueueSnapshot snapshot() {
        return snapshot;
    }

    public int focused() {
        return focused;
    }

    public int hovered() {
        return hovered;
    }

    public Set<Integer> selection() {
        return selectionView;
    }

    public List<ImageItem> items() {
        return items;
    }

    /** The ranking's order, as the last ranking gave it. */
    public int[] rankedOrder() {
        return rankedOrder;
    }

    /** Images undo brought back that the ranking does not list yet. */
    public List<Integer> restored() {
        return List.copyOf(restored);
    }

    /** The selected images in queue order, or the focused one when nothing is selected. */
    public int[] targets() {
        if (!selection.isEmpty()) {
            return Arrays.stream(snapshot.ids()).filter(selection::contains).toArray();
        }
        return focused >= 0 && snapshot.indexOf(focused) >= 0 ? new int[] {focused} : new int[0];
    }

    // ---- what the workspace said ----

    /**
     * A new ranking. With {@code keepPlaces} (a new model, which reorders everything under the person's hands)
     * the images under the pointer and the focus stay where they are; a strategy switch was asked for.
     */
    public void setOrder(int[] order, boolean keepPlaces) {
        var keep = keepPlaces ? placesToKeep() : new TreeMap<Integer, Integer>();
        rankedOrder = order;
        ranked = new boolean[items.size()];
        for (int id : order) {
            if (id < ranked.length) {
                ranked[id] = true;
            }
        }
        restored.removeIf(this::isRanked);
        keep.values().removeIf(id -> !isRanked(id));
        shownOrder = keep.isEmpty() ? rankedOrder : keepInPlace(rankedOrder, keep);
        if (!focusChosen) {
            // the queue is still filling as images are read: the most useful image so far has the focus
            focused = -1;
        }
        rebuild(Math.max(0, snapshot.indexOf(focused)));
    }

    public void setItems(List<ImageItem> newItems) {
        items = newItems;
        setOrder(rankedOrder, false);
    }

    /** Which of the queue's images the workspace holds labels for now. */
    public void setLabelled(Set<Integer> labelledNow) {
        labelled = new HashSet<>(labelledNow);
        rebuild(Math.max(0, snapshot.indexOf(focused)));
    }

    public void setSearch(String text) {
        needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        rebuild(snapshot.indexOf(focused));
    }

    // ---- labelling ----

    /** A label is on its way: its images leave the queue at once and the focus goes to the next one. */
    public void labelSent(int[] ids) {
        focusChosen = true;
        int focusIndex = snapshot.indexOf(focused);
        for (int id : ids) {
            pending.add(id);
        }
        selection.clear();
        rebuild(Math.max(0, focusIndex));
    }

    public void labelSaved(int[] ids) {
        for (int id : ids) {
            pending.remove(id);
            labelled.add(id);
        }
    }

    /** The label was not saved: its images come back. */
    public void labelFailed(int[] ids) {
        for (int id : ids) {
            pending.remove(id);
        }
        rebuild(snapshot.indexOf(focused));
    }

    /** Undo took the labels off these images: they come back, first if the ranking does not list them, focused. */
    public void unlabelled(int[] ids) {
        if (ids.length == 0) {
            return;
        }
        for (int id : ids) {
            labelled.remove(id);
            if (!isRanked(id)) {
                restored.add(id);
            }
        }
        focusWhenShown = ids[0];
        rebuild(Math.max(0, snapshot.indexOf(focused)));
    }

    /** Redo (or another window) labelled these images: they leave the queue. */
    public void labelledElsewhere(int[] ids) {
        for (int id : ids) {
            labelled.add(id);
        }
        rebuild(Math.max(0, snapshot.indexOf(focused)));
    }

    // ---- focus and selection ----

    public void focus(int itemId) {
        focusChosen = true;
        focused = itemId;
    }

    /** The pointer is over {@code itemId}'s tile now, or over none with -1. */
    public void hover(int itemId) {
        hovered = itemId;
    }

    /** A click on a tile: plain focuses, Ctrl toggles the tile in the selection, Shift selects a range. */
    public void click(int itemId, boolean shift, boolean ctrl) {
        focusChosen = true;
        if (shift && anchor >= 0) {
            selectRange(anchor, itemId);
        } else if (ctrl) {
            if (!selection.remove(itemId)) {
                selection.add(itemId);
            }
            anchor = itemId;
        } else {
            selection.clear();
            anchor = itemId;
        }
        focused = itemId;
    }

    /** Moves focus by {@code delta} places in the queue; with {@code extend} the selection follows. */
    public void moveFocus(int delta, boolean extend) {
        if (snapshot.size() == 0) {
            return;
        }
        int from = snapshot.indexOf(focused);
        int to = from < 0 ? 0 : (int) Math.max(0, Math.min(snapshot.size() - 1L, (long) from + delta));
        int target = snapshot.get(to);
        focusChosen = true;
        if (extend) {
            if (anchor < 0 || snapshot.indexOf(anchor) < 0) {
                anchor = from < 0 ? target : snapshot.get(from);
            }
            selectRange(anchor, target);
        } else {
            selection.clear();
            anchor = target;
        }
        focused = target;
    }

    /** Every tile between the two, in queue order. */
    public void selectRange(int fromItem, int toItem) {
        int a = snapshot.indexOf(fromItem);
        int b = snapshot.indexOf(toItem);
        if (a < 0 || b < 0) {
            return;
        }
        var range = new LinkedHashSet<Integer>();
        for (int i = Math.min(a, b); i <= Math.max(a, b); i++) {
            range.add(snapshot.get(i));
        }
        selection.retainAll(range);
        selection.addAll(range);
    }

    public void clearSelection() {
        selection.clear();
    }

    // ---- building the queue ----

    private boolean isRanked(int id) {
        return id >= 0 && id < ranked.length && ranked[id];
    }

    /** Queue place → image, for the images under the pointer and the keyboard focus. */
    private TreeMap<Integer, Integer> placesToKeep() {
        var places = new TreeMap<Integer, Integer>();
        for (int id : new int[] {hovered, focusChosen ? focused : -1}) {
            int index = snapshot.indexOf(id);
            if (index >= 0 && !restored.contains(id)) {
                places.put(index, id);
            }
        }
        return places;
    }

    /** {@code order} with each image of {@code places} moved so that it shows at its place in the queue. */
    private int[] keepInPlace(int[] order, TreeMap<Integer, Integer> places) {
        var moved = new HashSet<>(places.values());
        int[] result = new int[order.length];
        int written = 0;
        int shown = (int) restored.stream().filter(this::isShown).count();
        var next = places.entrySet().iterator();
        var place = next.hasNext() ? next.next() : null;
        for (int id : order) {
            if (moved.contains(id)) {
                continue;
            }
            while (place != null && shown >= place.getKey()) {
                result[written++] = place.getValue();
                shown++;
                place = next.hasNext() ? next.next() : null;
            }
            result[written++] = id;
            if (isShown(id)) {
                shown++;
            }
        }
        while (place != null) {
            result[written++] = place.getValue();
            place = next.hasNext() ? next.next() : null;
        }
        return result;
    }

    /** Rebuilds the visible queue; focus stays on its item, or goes to the one now at {@code fallbackIndex}. */
    private void rebuild(int fallbackIndex) {
        int[] visible = IntStream.concat(restored.stream().mapToInt(Integer::intValue), Arrays.stream(shownOrder))
                .filter(this::isShown)
                .toArray();
        // the same ids again (a label confirmed, a ranking that only dropped it) would redraw the grid for nothing
        if (!Arrays.equals(visible, snapshot.ids())) {
            snapshot = new QueueSnapshot(visible);
        }
        selection.removeIf(id -> snapshot.indexOf(id) < 0);
        if (focusWhenShown >= 0 && snapshot.indexOf(focusWhenShown) >= 0) {
            focused = focusWhenShown;
            focusWhenShown = -1;
        } else if (snapshot.indexOf(focused) < 0) {
            focused = visible.length == 0 ? -1 : visible[Math.max(0, Math.min(visible.length - 1, fallbackIndex))];
        }
    }

    /** Whether the queue lists {@code id}: not labelled, and its file name matches the search. */
    private boolean isShown(int id) {
        return !pending.contains(id) && !labelled.contains(id)
                && (needle.isEmpty() || (id < items.size()
                        && items.get(id).relativePath().toLowerCase(Locale.ROOT).contains(needle)));
    }
}
