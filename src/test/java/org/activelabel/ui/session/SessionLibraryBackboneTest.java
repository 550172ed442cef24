package org.activelabel.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.activelabel.backbone.BackboneDescriptor;
import org.activelabel.backbone.BackboneShelf;
import org.activelabel.backbone.Backbones;
import org.activelabel.session.Session;
import org.activelabel.testing.SampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window makes a session with the backbone the person chose and reopens it with that one. */
class SessionLibraryBackboneTest {

    private static final List<String> CLASSES = List.of("animals-nature", "food-drink");

    @TempDir
    Path temp;

    @Test
    void theNewSessionDialogOffersEveryBundledBackboneTheFastOneFirstEachWithItsSpeed() {
        try (var library = new SessionLibrary(temp.resolve("sessions"), temp, BackboneShelf.bundled())) {
            var choices = library.backbones();
            assertEquals(List.of(Backbones.DEFAULT, Backbones.ACCURATE),
                    choices.stream().map(BackboneShelf.Choice::name).toList());
            for (var choice : choices) {
                assertTrue(choice.description().contains("images a second"), choice.description());
            }
        }
    }

    @Test
    void aSessionMadeWithTheAccurateBackboneReopensWithIt() throws IOException {
        var images = SampleImages.copy(temp.resolve("images"), CLASSES, 2);
        String accurateId = BackboneDescriptor.read(Backbones.bundledDescriptor(Backbones.ACCURATE)).id();
        Path dir;
        try (var library = new SessionLibrary(temp.resolve("sessions"), images, BackboneShelf.bundled())) {
            try (var made = library.create(new NewSession("pets", images, CLASSES, false, Backbones.ACCURATE))) {
                assertEquals(accurateId, made.backboneId());
                assertTrue(made.backboneDescription().startsWith("InceptionV3"), made.backboneDescription());
                dir = made.sessionDir();
            }
        }
        assertEquals(accurateId, Session.backboneIdOf(dir));

        try (var library = new SessionLibrary(temp.resolve("sessions"), images, BackboneShelf.bundled());
             var reopened = library.open(dir)) {
            assertEquals(accurateId, reopened.backboneId());
            assertTrue(library.backboneDescriptor(accurateId).orElseThrow().endsWith("accurate.json"));
        }
    }

    @Test
    void aSessionMadeWithTheAccurateBackboneBeforeItPooledMaximaStillOpensWithItsMeansOnlyFeatures() throws IOException {
        var images = SampleImages.copy(temp.resolve("images"), CLASSES, 1);
        Path dir = temp.resolve("sessions").resolve("older");
        Session.create(dir, "older", images, CLASSES, "inception_v3-nsfwjs440-mixed5-224").close();

        try (var library = new SessionLibrary(temp.resolve("sessions"), images, BackboneShelf.bundled());
             var reopened = library.open(dir)) {
            assertEquals("inception_v3-nsfwjs440-mixed5-224", reopened.backboneId());
            assertTrue(reopened.backboneDescription().contains("768 features (channel means)"),
                    reopened.backboneDescription());
            assertTrue(library.backboneDescriptor(reopened.backboneId()).orElseThrow().endsWith("accurate-768.json"));
        }
    }

    @Test
    void aSessionMadeWithABackboneTheWindowDoesNotHaveIsRefusedNamingIt() throws IOException {
        var images = SampleImages.copy(temp.resolve("images"), CLASSES, 1);
        Path dir = temp.resolve("sessions").resolve("own");
        Session.create(dir, "own", images, CLASSES, "my-own-backbone").close();

        try (var library = new SessionLibrary(temp.resolve("sessions"), images, BackboneShelf.bundled())) {
            var problem = assertThrows(SessionProblem.class, () -> library.open(dir));
            assertTrue(problem.getMessage().contains("\"my-own-backbone\""), problem.getMessage());
            assertTrue(problem.getMessage().contains("--backbone"), problem.getMessage());
        }
    }
}
