package org.activelabel.ui.label;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.activelabel.ui.thumbnail.ThumbnailCache;

/**
 * The ranked queue as a grid of tiles. A virtualised list whose rows hold as many tiles as fit
 * the width, so only the visible tiles exist however long the queue is.
 */
public final class QueueGrid extends StackPane {

    private static final double GAP = 10;

    private final LabellingViewModel vm;
    private final ThumbnailCache thumbnails;
    private final ListView<Integer> rows = new ListView<>();
    private final ObservableList<Integer> rowNumbers = FXCollections.observableArrayList();
    private final List<RowCell> cells = new ArrayList<>();
    private final Label empty = new Label();
    private TileView sizeProbe;
    private int columns = 1;
    private int dragAnchor = -1;

    public QueueGrid(LabellingViewModel vm, ThumbnailCache thumbnails) {
        this.vm = vm;
        this.thumbnails = thumbnails;
        sizeProbe = new TileView(vm, thumbnails);
        getStyleClass().add("queue-grid");
        rows.getStyleClass().add("queue-rows");
        rows.setItems(rowNumbers);
        rows.setCellFactory(list -> new RowCell());
        rows.setFocusTraversable(true);
        empty.getStyleClass().add("queue-empty");
        rows.setPlaceholder(empty);
        // styled with the grid, measured once before the list lays out its first rows
        sizeProbe.setManaged(false);
        sizeProbe.setVisible(false);
        getChildren().addAll(rows, sizeProbe);

        rows.widthProperty().addListener((obs, old, width) -> {
            int fit = Math.max(1, (int) ((width.doubleValue() - 24) / (thumbnails.maxSide() + 2 * GAP + 4)));
            if (fit != columns) {
                int first = firstVisibleItemIndex();
                columns = fit;
                resizeRows();
                refreshCells();
                Platform.runLater(() -> scrollToKeep(first, 0));
            }
        });
        vm.queueProperty().addListener((obs, old, now) -> onQueueChanged(old));
        vm.focusedItemProperty().addListener((obs, old, now) -> {
            cells.forEach(RowCell::refreshState);
            ensureVisible(now.intValue());
        });
        vm.selection().addListener((SetChangeListener<Integer>) change -> cells.forEach(RowCell::refreshState));
        vm.rankingProperty().addListener((obs, old, now) -> cells.forEach(RowCell::refreshText));
        vm.searchProperty().addListener((obs, old, now) -> updatePlaceholder());
        resizeRows();
        updatePlaceholder();
    }

    @Override
    protected void layoutChildren() {
        if (sizeProbe != null) {
            // every row is one tile high: a fixed size spares the flow from sizing rows by filling
            // a scratch cell with one row after another
            var queue = vm.queueProperty().get();
            sizeProbe.show(queue.size() > 0 ? queue.get(0) : -1);
            double tile = Math.max(sizeProbe.minHeight(-1), sizeProbe.prefHeight(-1));
            rows.setFixedCellSize(Math.ceil(snapSizeY(tile) + GAP));
            sizeProbe.show(-1);
            getChildren().remove(sizeProbe);
            sizeProbe = null;
        }
        super.layoutChildren();
    }

    /** The node that takes keyboard focus for the grid. */
    public Node focusTarget() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    private void onQueueChanged(QueueSnapshot old) {
        // keep the focused tile on the same screen row while the queue around it changes
        int oldIndex = old.indexOf(vm.focusedItem());
        var flow = flow();
        int offset = -1;
        if (flow != null && oldIndex >= 0 && flow.getFirstVisibleCell() != null) {
            offset = oldIndex / columns - flow.getFirstVisibleCell().getIndex();
        }
        resizeRows();
        refreshCells();
        updatePlaceholder();
        if (offset >= 0) {
            int keep = offset;
            // focus moves after the queue; wait for it
            Platform.runLater(() -> scrollToKeep(vm.queueProperty().get().indexOf(vm.focusedItem()), keep));
        }
    }

    private void scrollToKeep(int itemIndex, int rowOffset) {
        var flow = flow();
        if (flow == null || itemIndex < 0) {
            return;
        }
        int row = itemIndex / columns;
        int top = Math.max(0, row - rowOffset);
        var first = flow.getFirstVisibleCell();
        // scrolling lays the whole flow out again: skip it when the rows are already in place
        if (first == null || first.getIndex() != top || first.getLayoutY() != 0) {
            flow.scrollToTop(top);
        }
        flow.scrollTo(row);
    }

    private void ensureVisible(int itemId) {
        int index = vm.queueProperty().get().indexOf(itemId);
        var flow = flow();
        if (index < 0 || flow == null) {
            return;
        }
        int row = index / columns;
        var first = flow.getFirstVisibleCell();
        var last = flow.getLastVisibleCell();
        if (first == null || last == null || row <= first.getIndex() || row >= last.getIndex()) {
            flow.scrollTo(row);
        }
    }

    private int firstVisibleItemIndex() {
        var flow = flow();
        return flow == null || flow.getFirstVisibleCell() == null ? 0 : flow.getFirstVisibleCell().getIndex() * columns;
    }

    private VirtualFlow<?> flow() {
        return rows.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    private void resizeRows() {
        int wanted = (vm.queueProperty().get().size() + columns - 1) / columns;
        int have = rowNumbers.size();
        if (wanted > have) {
            rowNumbers.addAll(IntStream.range(have, wanted).boxed().toList());
        } else if (wanted < have) {
            rowNumbers.remove(wanted, have);
        }
    }

    private void refreshCells() {
        cells.forEach(RowCell::refreshTiles);
    }

    private void updatePlaceholder() {
        var needle = vm.searchProperty().get();
        empty.setText(needle == null || needle.isBlank()
                ? "Nothing left in the queue. Update the model (U) to rank new images."
                : "No unlabelled file name contains “" + needle.strip() + "”.");
    }

    private void onTilePressed(TileView tile, javafx.scene.input.MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || tile.itemId() < 0) {
            return;
        }
        rows.requestFocus();
        vm.click(tile.itemId(), event.isShiftDown(), event.isShortcutDown());
        dragAnchor = event.isShiftDown() || event.isShortcutDown() ? -1 : tile.itemId();
        event.consume();
    }

    /** Tiles side by side, centred; each tile lays itself out, so the row's size never depends on their text. */
    private static final class TileRow extends Region {
        private final List<TileView> tiles;

        TileRow(List<TileView> tiles) {
            this.tiles = tiles;
        }

        /** Re-adding unchanged tiles would make JavaFX restyle them all. */
        void syncChildren() {
            if (!getChildren().equals(tiles)) {
                getChildren().setAll(tiles);
                requestLayout();
            }
        }

        /** As a box would size it: the preferred size, but never below the minimum. */
        private double tileWidth() {
            return tiles.isEmpty() ? 0 : snapSizeX(Math.max(tiles.get(0).minWidth(-1), tiles.get(0).prefWidth(-1)));
        }

        private double tileHeight() {
            return tiles.isEmpty() ? 0 : snapSizeY(Math.max(tiles.get(0).minHeight(-1), tiles.get(0).prefHeight(-1)));
        }

        @Override
        protected double computePrefWidth(double height) {
            return tiles.size() * (tileWidth() + GAP) + GAP;
        }

        @Override
        protected double computePrefHeight(double width) {
            return tileHeight() + GAP;
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double width = tileWidth();
            double height = tileHeight();
            double used = tiles.size() * (width + GAP) - GAP;
            double x = snapPositionX(Math.max(GAP, (getWidth() - used) / 2));
            for (var tile : tiles) {
                tile.resizeRelocate(x, snapPositionY(GAP / 2), width, height);
                x += width + GAP;
            }
        }
    }

    private final class RowCell extends ListCell<Integer> {
        private final List<TileView> tiles = new ArrayList<>();
        private final TileRow box = new TileRow(tiles);

        RowCell() {
            getStyleClass().add("tile-row");
            setText(null);
            setGraphic(box);
            cells.add(this);
        }

        @Override
        protected void updateItem(Integer row, boolean isEmpty) {
            super.updateItem(row, isEmpty);
            refreshTiles();
        }

        void refreshTiles() {
            var queue = vm.queueProperty().get();
            if (isEmpty() || getItem() == null) {
                tiles.forEach(tile -> tile.show(-1));
                // hidden, not detached: the flow empties and refills cells all the time, and a
                // re-attached row of tiles is restyled from scratch
                box.setVisible(false);
                return;
            }
            box.setVisible(true);
            while (tiles.size() < columns) {
                var tile = new TileView(vm, thumbnails);
                // a layout root: new text in a tile lays out that tile, not the row and the whole flow
                tile.setManaged(false);
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
                tiles.add(tile);
            }
            while (tiles.size() > columns) {
                tiles.remove(tiles.size() - 1).show(-1);
            }
            box.syncChildren();
            int start = getItem() * columns;
            for (int c = 0; c < columns; c++) {
                int index = start + c;
                tiles.get(c).show(index < queue.size() ? queue.get(index) : -1);
            }
        }

        void refreshState() {
            tiles.forEach(TileView::refreshState);
        }

        void refreshText() {
            tiles.stream().filter(tile -> tile.itemId() >= 0).forEach(TileView::refreshText);
        }
    }
}
