package org.activelabel.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When updates and cross-validation start, with time moved by hand: no toolkit, no sleeping. */
class RoundSchedulerTest {

    private final ManualDelays delays = new ManualDelays();
    private final List<Integer> rounds = new ArrayList<>();
    private int updatesStarted;
    private int validationsStarted;
    private int validationsStopped;
    private RoundScheduler scheduler;

    @BeforeEach
    void create() {
        scheduler = new RoundScheduler(delays, new RoundScheduler.Work() {
            @Override
            public void startUpdate() {
                updatesStarted++;
                scheduler.updateStarted();
            }

            @Override
            public Runnable startValidation(long run) {
                validationsStarted++;
                return () -> validationsStopped++;
            }
        }, rounds::add);
        scheduler.setBatchSize(3);
        scheduler.setAutoUpdate(true);
    }

    @Test
    void aFullRoundStartsAnUpdateOnceItsLabelsAreSaved() {
        for (int i = 0; i < 3; i++) {
            scheduler.labelSent(1);
        }
        assertEquals(0, updatesStarted, "labels still on their way to the journal");

        scheduler.labelSaved();
        scheduler.labelSaved();
        scheduler.labelSaved();

        assertEquals(1, updatesStarted);
        assertEquals(0, scheduler.labelsThisRound(), "a new round begins with the update");
        assertEquals(List.of(1, 2, 3, 0), rounds);
    }

    @Test
    void withAutomaticUpdatesOffAFullRoundWaitsUntilTheyAreTurnedOn() {
        scheduler.setAutoUpdate(false);
        labelAndSave(4);
        assertEquals(0, updatesStarted);

        scheduler.setAutoUpdate(true);

        assertEquals(1, updatesStarted);
    }

    @Test
    void aFailedUpdateGivesTheRoundItsLabelsBackAndLabelsMadeMeanwhileCount() {
        labelAndSave(3);
        labelAndSave(1);
        assertEquals(1, scheduler.labelsThisRound(), "one label given while the update runs");

        scheduler.updateFailed();

        assertEquals(4, scheduler.labelsThisRound());
    }

    @Test
    void aLabelThatFailsIsTakenOffTheRound() {
        scheduler.labelSent(2);
        scheduler.labelFailed(2);

        assertEquals(0, scheduler.labelsThisRound());
        labelAndSave(3);
        assertEquals(1, updatesStarted, "the failed label does not hold the next round back");
    }

    @Test
    void crossValidationWaitsUntilThePersonPausesAndStopsWhenTheyLabelAgain() {
        scheduler.updateStarted();
        scheduler.updateFinished();

        delays.advanceMillis(1500);
        scheduler.labelSent(1);
        delays.advanceMillis(1500);
        scheduler.labelSent(1);
        delays.advanceMillis(1500);
        assertEquals(0, validationsStarted, "labelling keeps pushing the check back");

        delays.advanceMillis(1000);
        assertEquals(1, validationsStarted, "2.5 s without a label");

        scheduler.labelSent(1);
        assertEquals(1, validationsStopped, "a label stops the running check");
        delays.advance(RoundScheduler.IDLE);
        assertEquals(2, validationsStarted, "and it starts again at the next pause");
    }

    @Test
    void noCrossValidationStartsWhileAnUpdateRunsAndNoneWaitsWithoutANewModel() {
        delays.advanceMillis(10_000);
        assertEquals(0, validationsStarted, "nothing to validate before the first update");

        scheduler.updateStarted();
        scheduler.updateFinished();
        scheduler.updateStarted();
        delays.advanceMillis(10_000);
        assertEquals(0, validationsStarted, "the running update waits for its own end");

        scheduler.updateFinished();
        delays.advance(RoundScheduler.IDLE);
        assertEquals(1, validationsStarted);
    }

    @Test
    void undoTakesTheUndoneLabelsOffTheRound() {
        labelAndSave(2);
        scheduler.labelsChangedBy(-1);
        assertEquals(1, scheduler.labelsThisRound());
        scheduler.labelsChangedBy(-5);
        assertEquals(0, scheduler.labelsThisRound(), "never below zero");
    }

    private void labelAndSave(int count) {
        for (int i = 0; i < count; i++) {
            scheduler.labelSent(1);
            scheduler.labelSaved();
        }
    }
}
