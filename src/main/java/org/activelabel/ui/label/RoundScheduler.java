package org.activelabel.ui.label;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Decides when a model update is due (a full round of labels, automatic updates on, nothing running,
 * no label still on its way) and when cross-validation runs: k refits, so it waits until the person
 * pauses and stops when they label again, never competing with their labelling. Plain state on one
 * thread; time comes from {@link Delays}.
 */
public final class RoundScheduler {

    /** How long the person must pause before cross-validation starts. */
    public static final Duration IDLE = Duration.ofMillis(2500);

    /** What the scheduler starts; the view-model runs it in the background. */
    public interface Work {
        void startUpdate();

        /** Starts cross-validating the last update; {@code run} identifies it to {@link #validationEnded}. */
        Runnable startValidation(long run);
    }

    private final Delays delays;
    private final Work work;
    private final IntConsumer roundChanged;
    private int labelsThisRound;
    private int labelsAtUpdateStart;
    private int batchSize;
    private boolean autoUpdate;
    private boolean busy;
    private int labelsOnTheirWay;
    private Runnable idleWait;
    private Runnable stopValidation;
    private long validationRun;

    /** @param roundChanged told the number of labels in this round whenever it changes */
    public RoundScheduler(Delays delays, Work work, IntConsumer roundChanged) {
        this.delays = delays;
        this.work = work;
        this.roundChanged = roundChanged;
    }

    public int labelsThisRound() {
        return labelsThisRound;
    }

    public boolean busy() {
        return busy;
    }

    public void setBatchSize(int size) {
        batchSize = size;
        startRoundIfDue();
    }

    public void setAutoUpdate(boolean on) {
        autoUpdate = on;
        startRoundIfDue();
    }

    // ---- the person's labels ----

    /** Labels were sent to the workspace; the round counts them at once. */
    public void labelSent(int count) {
        labelsOnTheirWay++;
        setRound(labelsThisRound + count);
        personActed();
    }

    public void labelSaved() {
        labelsOnTheirWay--;
        startRoundIfDue();
    }

    public void labelFailed(int count) {
        labelsOnTheirWay--;
        setRound(Math.max(0, labelsThisRound - count));
    }

    /** Undo or redo changed the number of labelled images by {@code delta}. */
    public void labelsChangedBy(int delta) {
        setRound(Math.max(0, labelsThisRound + delta));
        personActed();
    }

    /** Any other action of the person's that uses the queue: cross-validation waits for a pause. */
    public void personActed() {
        if (stopValidation != null) {
            stopRunningValidation();
            waitForIdle();
        } else if (idleWait != null) {
            waitForIdle();
        }
    }

    // ---- the model lane ----

    /** Images are being read: the model lane is busy, an update waits for it. */
    public void readingStarted() {
        busy = true;
    }

    public void readingEnded() {
        busy = false;
        startRoundIfDue();
    }

    /** An update starts (by hand or because a round is full): a new round begins. */
    public void updateStarted() {
        stopIdleWait();
        stopRunningValidation();
        busy = true;
        labelsAtUpdateStart = labelsThisRound;
        setRound(0);
    }

    public void updateFinished() {
        busy = false;
        waitForIdle();
        startRoundIfDue();
    }

    /** The labels of the round the failed update took back count again. */
    public void updateFailed() {
        busy = false;
        setRound(labelsThisRound + labelsAtUpdateStart);
    }

    /** The cross-validation {@code run} ended, done, failed or cancelled. */
    public void validationEnded(long run) {
        if (run == validationRun) {
            stopValidation = null;
        }
    }

    /** Stops waiting and any running cross-validation. */
    public void stop() {
        stopIdleWait();
        stopRunningValidation();
    }

    private void startRoundIfDue() {
        if (autoUpdate && !busy && batchSize > 0 && labelsThisRound >= batchSize && labelsOnTheirWay == 0) {
            work.startUpdate();
        }
    }

    private void waitForIdle() {
        stopIdleWait();
        idleWait = delays.after(IDLE, this::idle);
    }

    private void idle() {
        idleWait = null;
        if (busy) {
            return; // the update's end starts the wait again
        }
        stopValidation = work.startValidation(++validationRun);
    }

    private void stopIdleWait() {
        if (idleWait != null) {
            idleWait.run();
            idleWait = null;
        }
    }

    private void stopRunningValidation() {
        if (stopValidation != null) {
            var stop = stopValidation;
            stopValidation = null;
            validationRun++;
            stop.run();
        }
    }

    private void setRound(int labels) {
        if (labels != labelsThisRound) {
            labelsThisRound = labels;
            roundChanged.accept(labels);
        }
    }
}
