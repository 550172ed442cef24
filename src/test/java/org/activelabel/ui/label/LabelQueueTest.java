package org.activelabel.ui.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.activelabel.workspace.ImageItem;
import org.junit.jupiter.api.Test;

/** The queue the person works through, as plain state: no toolkit, no workspace. */
class LabelQueueTest {

    private static final List<ImageItem> ITEMS = items(10);

    private final LabelQueue queue = new LabelQueue(ITEMS, new int[] {4, 2, 7, 1, 9, 0});

    @Test
    void theMostUsefulImageHasTheFocusAndALabelMovesItOn() {
        assertEquals(4, queue.focused());

        queue.labelSent(queue.targets());

        assertArrayEquals(new int[] {2, 7, 1, 9, 0}, queue.snapshot().ids(), "labelled images leave at once");
        assertEquals(2, queue.focused(), "the next image takes its place");
    }

    @Test
    void whileImagesAreReadTheFocusStaysOnTheMostUsefulUntilThePersonMovesIt() {
        queue.setOrder(new int[] {8, 4, 2, 7, 1, 9, 0}, false);
        assertEquals(8, queue.focused(), "a newly read image ranked first takes the focus");
        queue.setOrder(new int[] {2, 8, 4, 7, 1, 9, 0}, true);
        assertArrayEquals(new int[] {2, 8, 4, 7, 1, 9, 0}, queue.snapshot().ids(), "the saved model's order as it is");
        assertEquals(2, queue.focused());

        queue.moveFocus(2, false);
        queue.setOrder(new int[] {3, 8, 4, 2, 7, 1, 9, 0}, false);

        assertEquals(4, queue.focused(), "once moved, the focus stays on its image");
    }

    @Test
    void aLabelThatFailsBringsItsImagesBack() {
        queue.labelSent(new int[] {4});
        queue.labelFailed(new int[] {4});

        assertArrayEquals(new int[] {4, 2, 7, 1, 9, 0}, queue.snapshot().ids());
    }

    @Test
    void anUndoneImageComesBackFocusedAndFirstWhenTheRankingNoLongerListsIt() {
        queue.labelSent(new int[] {4});
        queue.labelSaved(new int[] {4});
        queue.setOrder(new int[] {2, 7, 1, 9, 0}, false);

        queue.unlabelled(new int[] {4});

        assertEquals(0, queue.snapshot().indexOf(4));
        assertEquals(4, queue.focused());
        queue.setOrder(new int[] {2, 4, 7, 1, 9, 0}, false);
        assertArrayEquals(new int[] {2, 4, 7, 1, 9, 0}, queue.snapshot().ids(), "then in its ranked place");
    }

    @Test
    void aNewModelLeavesTheFocusedAndThePointedImagesInTheirPlaces() {
        queue.focus(7);
        queue.hover(9);

        queue.setOrder(new int[] {9, 7, 0, 1, 2, 4}, true);

        assertEquals(2, queue.snapshot().indexOf(7));
        assertEquals(4, queue.snapshot().indexOf(9));
        assertEquals(6, queue.snapshot().size());
        assertEquals(7, queue.focused());
    }

    @Test
    void aStrategySwitchShowsItsOwnOrder() {
        queue.focus(7);
        queue.setOrder(new int[] {9, 7, 0, 1, 2, 4}, false);
        assertArrayEquals(new int[] {9, 7, 0, 1, 2, 4}, queue.snapshot().ids());
        assertEquals(7, queue.focused());
    }

    @Test
    void shiftMovesSelectARangeThatIsLabelledTogetherInQueueOrder() {
        queue.moveFocus(1, true);
        queue.moveFocus(1, true);

        assertEquals(Set.of(4, 2, 7), queue.selection());
        assertArrayEquals(new int[] {4, 2, 7}, queue.targets());
        queue.labelSent(queue.targets());
        assertTrue(queue.selection().isEmpty());
        assertEquals(0, queue.focused(), "the image now at the focused place");
    }

    @Test
    void ctrlClickTogglesAndShiftClickSelectsFromTheAnchor() {
        queue.click(2, false, false);
        queue.click(9, true, false);
        assertEquals(Set.of(2, 7, 1, 9), queue.selection());
        queue.click(7, false, true);
        assertEquals(Set.of(2, 1, 9), queue.selection());
    }

    @Test
    void searchKeepsOnlyMatchingFileNamesAndLabelsElsewhereLeave() {
        queue.setSearch("img_7");
        assertArrayEquals(new int[] {7}, queue.snapshot().ids());
        queue.setSearch("");

        queue.setLabelled(Set.of(2, 9));

        assertArrayEquals(new int[] {4, 7, 1, 0}, queue.snapshot().ids());
    }

    @Test
    void homeAndEndGoToTheEnds() {
        queue.moveFocus(Integer.MAX_VALUE / 2, false);
        assertEquals(0, queue.focused());
        queue.moveFocus(Integer.MIN_VALUE / 2, false);
        assertEquals(4, queue.focused());
    }

    private static List<ImageItem> items(int count) {
        var items = new ArrayList<ImageItem>();
        IntStream.range(0, count).forEach(i -> items.add(new ImageItem(i, "img_" + i + ".png",
                Path.of("img_" + i + ".png"), 100, 0, ImageItem.Status.FEATURISED, null)));
        return List.copyOf(items);
    }
}
