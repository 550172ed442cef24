package org.activelabel.ui.label;

import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.BackgroundTasks.Lane;
import org.activelabel.ui.label.StatusText.ReadingEta;
import org.activelabel.workspace.ImageItem;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Workspace;

/**
 * The labelling page's model lane: looking at the image folder again, reading new images, model updates and
 * cross-validation, each in the background, started by hand or when the {@link RoundScheduler} says; their
 * progress, the status line and the latest model summary as properties. Once the images are read, the
 * thumbnails not on disk yet are made ahead in the idle lane. Used on the FX thread.
 */
final class ModelSteps implements RoundScheduler.Work {

    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final BiConsumer<Notice.Kind, String> say;
    private final RoundScheduler rounds;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ModelSummary> model = new ReadOnlyObjectWrapper<>();
    private Task<?> running;
    private Task<?> makingThumbnails;
    private boolean rescanning;
    /** New images were found while another step ran: they are read when it ends. */
    private boolean readWhenFree;

    /** @param roundChanged told the number of labels in the round whenever it changes */
    ModelSteps(Workspace workspace, BackgroundTasks tasks, Delays delays, IntConsumer roundChanged,
               BiConsumer<Notice.Kind, String> say) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.say = say;
        this.rounds = new RoundScheduler(delays, this, roundChanged);
        model.set(workspace.model().orElse(null));
        status.set(model.get() == null ? StatusText.START : StatusText.describe(model.get()));
    }

    RoundScheduler rounds() {
        return rounds;
    }

    /** An update or the reading of new images is running. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ModelSummary> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** A model summary the workspace published by itself (the saved model loaded, say). */
    void modelChanged(ModelSummary summary) {
        model.set(summary);
        if (summary != null && StatusText.START.equals(status.get())) {
            status.set(StatusText.describe(summary)); // the saved model came in after the window opened
        }
    }

    /** Reads the images not featurised yet; the queue grows as they are read. Then the thumbnails are made ahead. */
    void featurize() {
        long pending = workspace.items().stream().filter(i -> i.status() == ImageItem.Status.PENDING).count();
        if (pending == 0) {
            makeThumbnails();
            return;
        }
        if (busy.get()) {
            readWhenFree = true;
            return;
        }
        busy.set(true);
        rounds.readingStarted();
        status.set("Reading " + pending + " new images; you can label while the queue fills…");
        var eta = new ReadingEta(System.nanoTime());
        var task = tasks.submit(Lane.MODEL, sink -> {
            workspace.featurize(sink);
            return null;
        }, done -> {
            end();
            status.set("All images read. Label the images the model is least sure of; ? shows every shortcut.");
            rounds.readingEnded();
            afterStep();
            makeThumbnails();
        }, error -> {
            end();
            status.set(error instanceof CancellationException
                    ? "Reading images cancelled; what was read is kept and the rest is read next time."
                    : "Reading images failed: " + StatusText.describe(error));
            rounds.readingEnded();
            afterStep();
            makeThumbnails();
        });
        running = task;
        progress.bind(task.progressProperty());
        message.set("Reading images…");
        task.workDoneProperty().addListener((obs, old, done) -> {
            if (running == task) {
                message.set(eta.describe((long) task.getWorkDone(), (long) task.getTotalWork(), System.nanoTime()));
            }
        });
    }

    /**
     * Looks at the image folder again (after the step running now, in the model lane), says what it found and
     * reads the new and changed images. A second request while one runs is the same request.
     *
     * @param byHand asked for by the person, who hears of it even when nothing changed (a watch of the folder
     *               speaks only when it found something)
     */
    void rescan(boolean byHand) {
        if (rescanning) {
            return;
        }
        rescanning = true;
        if (busy.get() && byHand) {
            say.accept(Notice.Kind.INFO, "The image folder is looked at again once the running step ends");
        }
        String folder = workspace.imageRoot().toString();
        tasks.submit(Lane.MODEL, sink -> workspace.rescan(), report -> {
            rescanning = false;
            if (byHand || report.changedAnything()) {
                say.accept(report.changedAnything() ? Notice.Kind.SUCCESS : Notice.Kind.INFO,
                        StatusText.describe(report));
            }
            featurize();
        }, error -> {
            rescanning = false;
            if (!(error instanceof CancellationException)) {
                say.accept(Notice.Kind.ERROR, "Could not look at " + folder + " again: " + StatusText.describe(error));
            }
        });
    }

    /** Makes the thumbnails not on disk yet, at the lowest priority; a newer run replaces a running one. */
    private void makeThumbnails() {
        if (makingThumbnails != null) {
            makingThumbnails.cancel();
        }
        var task = tasks.submit(Lane.IDLE, workspace::buildThumbnails, made -> { }, error -> { });
        makingThumbnails = task;
    }

    /** Stops making thumbnails ahead (the page is closing). */
    void stop() {
        if (makingThumbnails != null) {
            makingThumbnails.cancel();
            makingThumbnails = null;
        }
    }

    /** Reads the images a rescan found while another step was running. */
    private void afterStep() {
        if (readWhenFree && !busy.get()) {
            readWhenFree = false;
            featurize();
        }
    }

    /** Starts an update unless a background step is running. */
    void update(boolean full) {
        if (busy.get()) {
            say.accept(Notice.Kind.INFO, "Wait for the running background step to finish");
            return;
        }
        busy.set(true);
        rounds.updateStarted();
        status.set(full ? "Refitting the model on all labels…" : "Updating the model…");
        var task = tasks.submit(Lane.MODEL, sink -> workspace.updateModel(full, sink),
                this::updateFinished, this::updateFailed);
        running = task;
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
    }

    void cancel() {
        if (running != null && busy.get()) {
            running.cancel();
        }
    }

    @Override
    public void startUpdate() {
        update(false);
    }

    @Override
    public Runnable startValidation(long run) {
        var task = tasks.submit(Lane.MODEL, workspace::validateModel, summary -> {
            rounds.validationEnded(run);
            summary.ifPresent(s -> {
                model.set(s);
                status.set(StatusText.describe(s));
            });
        }, error -> {
            rounds.validationEnded(run);
            if (!(error instanceof CancellationException)) {
                status.set("Cross-validating the model failed: " + StatusText.describe(error));
            }
        });
        return task::cancel;
    }

    private void updateFinished(ModelSummary summary) {
        end();
        model.set(summary);
        status.set(StatusText.describe(summary));
        rounds.updateFinished();
        afterStep();
    }

    private void updateFailed(Throwable error) {
        end();
        rounds.updateFailed();
        afterStep();
        if (error instanceof CancellationException) {
            status.set("Update cancelled; the previous model stays in use.");
        } else {
            status.set("The last update failed; the previous model stays in use.");
            say.accept(Notice.Kind.ERROR, "The model update failed: " + StatusText.describe(error)
                    + ". The previous model stays in use; your labels are kept.");
        }
    }

    private void end() {
        progress.unbind();
        message.unbind();
        progress.set(-1);
        message.set("");
        busy.set(false);
        running = null;
    }
}
