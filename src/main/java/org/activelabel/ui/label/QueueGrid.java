package org.activelabel.ui.label;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.collections.SetChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.workspace.ImageItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ranked queue as a virtualised grid of tiles: only the visible tiles exist however long the
 * queue is. Each tile stays with its image while the image is visible, so when a label takes one
 * image out of the queue the others slide one place (a move, no restyling or new text) and only
 * the tile that comes into view takes a new image.
 */
public final class QueueGrid extends Region {

    private static final Logger LOG = LoggerFactory.getLogger(QueueGrid.class);

    private static final double GAP = 10;
    /** New text restyles and lays out a tile; a whole screenful in one frame stalls the window. */
    private static final int TEXT_PER_FRAME = 6;

    private final LabellingViewModel vm;
    private final ThumbnailCache thumbnails;
    private final Pane layer = new Pane();
    private final Rectangle layerClip = new Rectangle();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Label empty = new Label();
    /** Visible tiles by the image they show. */
    private final Map<Integer, TileView> shown = new HashMap<>();
    /** Tiles without an image; they stay in the scene, since a re-attached tile is restyled from scratch. */
    private final ArrayDeque<TileView> spare = new ArrayDeque<>();
    /** Tiles whose text is out of date, in screen order; a few are brought up to date each frame. */
    private final Set<TileView> staleText = new LinkedHashSet<>();
    private final AnimationTimer textUpdater = new AnimationTimer() {
        @Override
        public void handle(long now) {
            refreshStaleText(TEXT_PER_FRAME);
        }
    };
    private double tileWidth;
    private double tileHeight;
    private int columns = 1;
    private double scrollY;
    private boolean syncingScrollBar;
    /** Where on screen the focused tile was before the queue changed; NaN when nothing to keep. */
    private double focusScreenY = Double.NaN;
    /** The image shown first before the width changed, kept first after it. */
    private int firstVisibleIndex;
    private int dragAnchor = -1;
    /** When the first tiles were placed, for the log line saying how long the first screen waited for pictures. */
    private long firstTilesNanos = -1;
    private boolean firstScreenFilled;

    public QueueGrid(LabellingViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        getStyleClass().add("queue-grid");
        setFocusTraversable(true);
        layer.setClip(layerClip);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.valueProperty().addListener((obs, old, value) -> {
            if (!syncingScrollBar) {
                scrollY = value.doubleValue();
                requestLayout();
            }
        });
        empty.getStyleClass().add("queue-empty");
        empty.setManaged(false);
        getChildren().addAll(layer, scrollBar, empty);

        addEventHandler(ScrollEvent.SCROLL, event -> {
            scrollTo(scrollY - event.getDeltaY());
            event.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, event -> requestFocus());
        vm.queueProperty().addListener((obs, old, now) -> onQueueChanged(old));
        vm.focusedItemProperty().addListener((obs, old, now) -> {
            shown.values().forEach(TileView::refreshState);
            ensureVisible(now.intValue());
        });
        vm.selection().addListener((SetChangeListener<Integer>) change ->
                shown.values().forEach(TileView::refreshState));
        vm.rankingProperty().addListener((obs, old, now) -> onRankingChanged());
        // a renamed class shows its new name on every tile at once; renames are rare
        vm.classes().addListener((javafx.collections.ListChangeListener<String>) change ->
                shown.values().forEach(TileView::refreshText));
        vm.searchProperty().addListener((obs, old, now) -> updatePlaceholder());
        updatePlaceholder();
    }

    /** How many tiles make one row at the current width. */
    public int columns() {
        return columns;
    }

    /** The tile that shows {@code itemId}, if it is in view. */
    Optional<TileView> tileOf(int itemId) {
        return Optional.ofNullable(shown.get(itemId));
    }

    /** New predictions for every tile: the focused one at once, the others over the next frames. */
    private void onRankingChanged() {
        var focused = shown.get(vm.focusedItem());
        if (focused != null) {
            focused.refreshText();
        }
        // the tiles in view are the queue from the first visible image on, in screen order
        var queue = vm.queueProperty().get();
        for (int i = firstVisibleIndex; i < Math.min(queue.size(), firstVisibleIndex + shown.size()); i++) {
            var tile = shown.get(queue.get(i));
            if (tile != null && tile != focused) {
                staleText.add(tile);
            }
        }
        textUpdater.start();
    }

    private void refreshStaleText(int count) {
        var it = staleText.iterator();
        for (int i = 0; i < count && it.hasNext(); i++) {
            it.next().refreshText();
            it.remove();
        }
        if (staleText.isEmpty()) {
            textUpdater.stop();
        }
    }

    private void onQueueChanged(QueueSnapshot old) {
        // keep the focused tile on the same screen row while the queue around it changes; focus
        // moves after the queue, so the row is found at the next layout
        int oldIndex = old.indexOf(vm.focusedItem());
        double y = oldIndex < 0 || tileHeight == 0 ? Double.NaN : rowHeight() * (oldIndex / columns) - scrollY;
        focusScreenY = y > -rowHeight() && y < getHeight() ? y : Double.NaN;
        updatePlaceholder();
        requestLayout();
    }

    private double rowHeight() {
        return tileHeight + GAP;
    }

    private void ensureVisible(int itemId) {
        int index = vm.queueProperty().get().indexOf(itemId);
        if (index < 0 || tileHeight == 0) {
            return;
        }
        double top = rowHeight() * (index / columns);
        if (top < scrollY) {
            scrollTo(top);
        } else if (top + rowHeight() > scrollY + getHeight()) {
            scrollTo(top + rowHeight() - getHeight());
        }
    }

    private void scrollTo(double y) {
        double clamped = Math.max(0, Math.min(maxScroll(), y));
        if (clamped != scrollY) {
            scrollY = clamped;
            requestLayout();
        }
    }

    private double maxScroll() {
        int rows = (vm.queueProperty().get().size() + columns - 1) / columns;
        return Math.max(0, rows * rowHeight() + GAP / 2 - getHeight());
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double barWidth = snapSizeX(scrollBar.prefWidth(-1));
        layer.resizeRelocate(0, 0, Math.max(0, width - barWidth), height);
        scrollBar.resizeRelocate(width - barWidth, 0, barWidth, height);
        layerClip.setWidth(layer.getWidth());
        layerClip.setHeight(height);
        double emptyWidth = Math.min(420, Math.max(0, width - 4 * GAP));
        empty.resizeRelocate(snapPositionX((width - emptyWidth) / 2), snapPositionY(height / 3),
                emptyWidth, empty.prefHeight(emptyWidth));

        var queue = vm.queueProperty().get();
        if (tileHeight == 0 && !measureTiles(queue)) {
            scrollBar.setVisible(false);
            return;
        }
        int fit = Math.max(1, (int) ((layer.getWidth() - GAP) / (tileWidth + GAP)));
        if (fit != columns) {
            columns = fit;
            scrollY = rowHeight() * (firstVisibleIndex / columns);
        }
        if (!Double.isNaN(focusScreenY)) {
            int index = queue.indexOf(vm.focusedItem());
            if (index >= 0) {
                scrollY = rowHeight() * (index / columns) - focusScreenY;
            }
            focusScreenY = Double.NaN;
        }
        double max = maxScroll();
        scrollY = Math.max(0, Math.min(max, scrollY));
        syncScrollBar(max, height);

        int firstRow = (int) (scrollY / rowHeight());
        int lastRow = (int) ((scrollY + height) / rowHeight());
        int from = Math.min(queue.size(), firstRow * columns);
        int to = Math.min(queue.size(), (lastRow + 1) * columns);
        firstVisibleIndex = from;
        placeTiles(queue, from, to);
        loadNextScreens(queue, from, to);
    }

    /** The pictures of a screen below and a screen above, loaded while the person looks at this one. */
    private void loadNextScreens(QueueSnapshot queue, int from, int to) {
        int screen = to - from;
        var next = new ArrayList<ImageItem>(2 * screen);
        for (int i = to; i < Math.min(queue.size(), to + screen); i++) {
            next.add(vm.item(queue.get(i)));
        }
        for (int i = from - 1; i >= Math.max(0, from - screen); i--) {
            next.add(vm.item(queue.get(i)));
        }
        thumbnails.loadAhead(next);
    }

    /** Gives each visible image a tile, keeping the tiles of images already in view. */
    private void placeTiles(QueueSnapshot queue, int from, int to) {
        var wanted = new HashSet<Integer>();
        for (int i = from; i < to; i++) {
            wanted.add(queue.get(i));
        }
        for (Iterator<Map.Entry<Integer, TileView>> it = shown.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!wanted.contains(entry.getKey())) {
                entry.getValue().show(-1);
                staleText.remove(entry.getValue());
                spare.push(entry.getValue());
                it.remove();
            }
        }
        int newText = 0;
        double used = columns * (tileWidth + GAP) - GAP;
        double left = snapPositionX(Math.max(GAP, (layer.getWidth() - used) / 2));
        for (int i = from; i < to; i++) {
            int id = queue.get(i);
            var tile = shown.get(id);
            if (tile == null) {
                tile = spare.isEmpty() ? newTile() : spare.pop();
                tile.show(id);
                shown.put(id, tile);
                if (newText++ < TEXT_PER_FRAME || id == vm.focusedItem()) {
                    tile.refreshText();
                } else {
                    staleText.add(tile);
                    textUpdater.start();
                }
            }
            if (firstTilesNanos < 0) {
                firstTilesNanos = System.nanoTime();
            }
            int row = i / columns;
            int column = i % columns;
            tile.resizeRelocate(left + column * (tileWidth + GAP),
                    snapPositionY(GAP / 2 + row * rowHeight() - scrollY), tileWidth, tileHeight);
        }
    }

    private void pictureShown() {
        if (!firstScreenFilled && !shown.isEmpty() && shown.values().stream().allMatch(TileView::hasPicture)) {
            firstScreenFilled = true;
            LOG.info("First screen of {} thumbnails filled {} ms after its tiles were placed", shown.size(),
                    (System.nanoTime() - firstTilesNanos) / 1_000_000);
        }
    }

    /** Sizes the tiles from one showing the first image; false while there is none to show. */
    private boolean measureTiles(QueueSnapshot queue) {
        if (queue.size() == 0) {
            return false;
        }
        var probe = newTile();
        probe.show(queue.get(0));
        probe.refreshText();
        probe.applyCss();
        tileWidth = snapSizeX(Math.max(probe.minWidth(-1), probe.prefWidth(-1)));
        tileHeight = snapSizeY(Math.max(probe.minHeight(-1), probe.prefHeight(-1)));
        probe.show(-1);
        spare.push(probe);
        return true;
    }

    private void syncScrollBar(double max, double height) {
        syncingScrollBar = true;
        try {
            scrollBar.setMax(max);
            scrollBar.setVisibleAmount(max == 0 ? 1 : max * height / (max + height));
            scrollBar.setUnitIncrement(rowHeight() / 4);
            scrollBar.setBlockIncrement(Math.max(rowHeight(), height - rowHeight()));
            scrollBar.setValue(scrollY);
            scrollBar.setVisible(max > 0);
        } finally {
            syncingScrollBar = false;
        }
    }

    private TileView newTile() {
        var tile = new TileView(vm, thumbnails, this::pictureShown);
        // positioned here, and its own layout root: new text in a tile lays out that tile only
        tile.setManaged(false);
        // drawn once into an image: sliding a tile along then costs a copy, not a repaint of its
        // frame, picture and text (which is what the window does after every label)
        tile.setCache(true);
        tile.setOnMousePressed(event -> onTilePressed(tile, event));
        tile.setOnMouseEntered(event -> vm.hover(tile.itemId()));
        tile.setOnMouseExited(event -> {
            if (vm.hoveredItemProperty().get() == tile.itemId()) {
                vm.hover(-1);
            }
        });
        tile.setOnDragDetected(event -> tile.startFullDrag());
        tile.setOnMouseDragEntered(event -> {
            if (dragAnchor >= 0 && tile.itemId() >= 0) {
                vm.selectRange(dragAnchor, tile.itemId());
            }
        });
        layer.getChildren().add(tile);
        // styled now, not at the next pulse: a tile made during layout is drawn in this frame
        tile.applyCss();
        return tile;
    }

    private void updatePlaceholder() {
        var needle = vm.searchProperty().get();
        empty.setText(needle == null || needle.isBlank()
                ? "Nothing left in the queue. Update the model (U) to rank new images."
                : "No unlabelled file name contains “" + needle.strip() + "”.");
        empty.setVisible(vm.queueProperty().get().size() == 0);
    }

    private void onTilePressed(TileView tile, MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || tile.itemId() < 0) {
            return;
        }
        requestFocus();
        vm.click(tile.itemId(), event.isShiftDown(), event.isShortcutDown());
        dragAnchor = event.isShiftDown() || event.isShortcutDown() ? -1 : tile.itemId();
        event.consume();
    }
}
