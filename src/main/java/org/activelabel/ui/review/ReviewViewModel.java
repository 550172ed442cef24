package org.activelabel.ui.review;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.Workspace;
import org.activelabel.workspace.WorkspaceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the review pane. Reads the workspace on the background executor, publishes the
 * results on the FX thread, and filters the table rows there (plain arithmetic on a list).
 * Filter properties are written by the view; everything else is read-only.
 */
public final class ReviewViewModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReviewViewModel.class);

    private final Workspace workspace;
    private final Executor background;
    private final Executor fxThread;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    /** While the pane is hidden, changes only mark it stale: nobody would see the refresh. */
    private final AtomicBoolean active = new AtomicBoolean(true);
    private final AtomicBoolean stale = new AtomicBoolean();
    private final AtomicLong refreshesStarted = new AtomicLong();
    private long refreshesApplied;
    private volatile boolean closed;

    private final ReadOnlyObjectWrapper<ReviewData> data = new ReadOnlyObjectWrapper<>(ReviewData.EMPTY);
    private final ReadOnlyObjectWrapper<List<ReviewRow>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final ObjectProperty<LabelFilter> labelFilter = new SimpleObjectProperty<>(LabelFilter.UNLABELLED);
    private final IntegerProperty predictedClass = new SimpleIntegerProperty(-1);
    private final ObjectProperty<ValueRange> confidenceRange = new SimpleObjectProperty<>(ValueRange.ANY);
    private final ObjectProperty<ValueRange> scoreRange = new SimpleObjectProperty<>(ValueRange.ANY);
    private final ObjectProperty<SortKey> sortKey = new SimpleObjectProperty<>(SortKey.SCORE);

    private final WorkspaceListener listener = new WorkspaceListener() {
        @Override
        public void labelsChanged() {
            refresh();
        }

        @Override
        public void rankingChanged(Ranking ranking) {
            refresh();
        }

        @Override
        public void itemsChanged() {
            refresh();
        }

        @Override
        public void classesChanged() {
            refresh();
        }

        @Override
        public void modelChanged(ModelSummary summary) {
            refresh();
        }
    };

    /** Publishes results with {@link Platform#runLater}; {@code background} does every workspace call. */
    public ReviewViewModel(Workspace workspace, Executor background) {
        this(workspace, background, Platform::runLater);
    }

    ReviewViewModel(Workspace workspace, Executor background, Executor fxThread) {
        this.workspace = workspace;
        this.background = background;
        this.fxThread = fxThread;
        for (ObservableValue<?> filterInput : List.of(labelFilter, predictedClass, confidenceRange, scoreRange,
                sortKey)) {
            filterInput.addListener((observable, before, after) -> applyFilter());
        }
        workspace.addListener(listener);
        refresh();
    }

    /** Re-reads the workspace in the background; calls made while one is waiting to start are merged. */
    public void refresh() {
        if (!active.get()) {
            stale.set(true);
            return;
        }
        if (closed || !refreshPending.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(this::readWorkspace);
        } catch (RejectedExecutionException e) {
            refreshPending.set(false);
            log.debug("Review refresh skipped: executor is shut down", e);
        }
    }

    private void readWorkspace() {
        refreshPending.set(false);
        long sequence = refreshesStarted.incrementAndGet();
        try {
            var next = ReviewData.read(workspace);
            fxThread.execute(() -> publish(sequence, next));
        } catch (RuntimeException e) {
            log.warn("Could not read the workspace for the review pane", e);
            fxThread.execute(() -> message.set("Could not refresh the review: " + e.getMessage()));
        }
    }

    private void publish(long sequence, ReviewData next) {
        // with a multi-threaded executor an older read may finish after a newer one
        if (closed || sequence < refreshesApplied) {
            return;
        }
        refreshesApplied = sequence;
        data.set(next);
        applyFilter();
    }

    private void applyFilter() {
        rows.set(filter().apply(data.get().rows()));
    }

    /**
     * Whether the pane is on screen. While it is not, workspace changes are not read; showing it
     * again reads the workspace once if anything changed meanwhile.
     */
    public void setActive(boolean shown) {
        active.set(shown);
        if (shown && stale.getAndSet(false)) {
            refresh();
        }
    }

    /** Labels one image in the background; the workspace's labelsChanged event then refreshes the pane. */
    public void relabel(int itemId, int classIndex) {
        background.execute(() -> {
            try {
                workspace.label(new int[] {itemId}, classIndex);
            } catch (RuntimeException e) {
                log.warn("Could not label item {} as class {}", itemId, classIndex, e);
                fxThread.execute(() -> message.set("Could not save the label: " + e.getMessage()));
            }
        });
    }

    public ReviewFilter filter() {
        return new ReviewFilter(labelFilter.get(), predictedClass.get(), confidenceRange.get(), scoreRange.get(),
                sortKey.get());
    }

    /** The latest snapshot: classes, all rows, histogram, label counts, model, suspects. */
    public ReadOnlyObjectProperty<ReviewData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** The rows that pass the filter, in the chosen order. */
    public ReadOnlyObjectProperty<List<ReviewRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The last thing that went wrong, for a status line; empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<LabelFilter> labelFilterProperty() {
        return labelFilter;
    }

    /** Only rows predicted as this class; -1 for any. */
    public IntegerProperty predictedClassProperty() {
        return predictedClass;
    }

    public ObjectProperty<ValueRange> confidenceRangeProperty() {
        return confidenceRange;
    }

    public ObjectProperty<ValueRange> scoreRangeProperty() {
        return scoreRange;
    }

    public ObjectProperty<SortKey> sortKeyProperty() {
        return sortKey;
    }

    @Override
    public void close() {
        closed = true;
        workspace.removeListener(listener);
    }
}
