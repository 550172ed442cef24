package org.activelabel.ui.label;

/** The item ids the grid shows, in order. Immutable by convention: never write into {@code ids}. */
public record QueueSnapshot(int[] ids) {

    public static final QueueSnapshot EMPTY = new QueueSnapshot(new int[0]);

    public int size() {
        return ids.length;
    }

    public int get(int index) {
        return ids[index];
    }

    public int indexOf(int itemId) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == itemId) {
                return i;
            }
        }
        return -1;
    }
}
