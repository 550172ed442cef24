package org.activelabel.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.activelabel.backbone.Backbone;
import org.activelabel.image.TestImages;
import org.activelabel.progress.ProgressSink;
import org.activelabel.session.Session;
import org.activelabel.testing.SampleImages;
import org.activelabel.testing.SharedBackbone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images added, changed and removed while a session is open, and a rescan that takes them in. */
class SessionWorkspaceRescanTest {

    private static final List<String> CLASSES = List.of("flags", "smileys", "food-drink");

    private static final Backbone bundled = SharedBackbone.bundled();

    @TempDir
    Path temp;
    private Path images;
    private Path sessionDir;
    /** Images that went through the backbone. */
    private final AtomicInteger embedded = new AtomicInteger();

    @BeforeEach
    void sample() throws Exception {
        images = SampleImages.copy(temp.resolve("images"), CLASSES, 4);
        sessionDir = temp.resolve("session");
    }

    private SessionWorkspace create() throws Exception {
        var workspace = SessionWorkspace.create(sessionDir, "s", images, CLASSES, counting());
        workspace.featurize(ProgressSink.NONE);
        embedded.set(0);
        return workspace;
    }

    private int idOf(Workspace workspace, String path) {
        return workspace.items().stream().filter(i -> i.relativePath().equals(path)).findFirst().orElseThrow().id();
    }

    private static boolean queued(Workspace workspace, int id) {
        return Arrays.stream(workspace.ranking().order()).anyMatch(q -> q == id);
    }

    private static String firstIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void readingAPhotoForTheModelAlsoStoresItsThumbnail() throws Exception {
        Path photo = TestImages.write(images.resolve("flags").resolve("photo.jpg"),
                TestImages.solid(1600, 1200, java.awt.Color.ORANGE), "jpg");
        try (var workspace = create()) {
            var thumbnails = workspace.thumbnails().orElseThrow();
            // before any thumbnail was asked for or built ahead: the featurising decode left it
            assertTrue(thumbnails.has(photo), "the photo's thumbnail is stored");
            assertTrue(thumbnails.storedPicture(photo).isPresent());
        }
    }

    @Test
    void aNewImageIsFeaturisedAndJoinsTheRanking() throws Exception {
        try (var workspace = create()) {
            int before = workspace.items().size();
            Files.copy(images.resolve("flags").resolve(firstIn(images.resolve("flags"))),
                    images.resolve("smileys").resolve("new-one.png"));

            var report = workspace.rescan();

            assertEquals(new RescanReport(1, 0, 0, 0, 1), report);
            int id = idOf(workspace, "smileys/new-one.png");
            assertEquals(before, id, "a new image takes the next id; the others keep theirs");
            assertEquals(ImageItem.Status.PENDING, workspace.items().get(id).status());
            assertFalse(queued(workspace, id), "not ranked before it has features");

            workspace.featurize(ProgressSink.NONE);

            assertEquals(1, embedded.get(), "only the new image went through the backbone");
            assertEquals(ImageItem.Status.FEATURISED, workspace.items().get(id).status());
            assertTrue(queued(workspace, id), "ranked with the others");
            assertEquals(RescanReport.NOTHING.added(), workspace.rescan().added(), "a second look finds nothing new");
        }
    }

    @Test
    void aDeletedImageLeavesTheQueueAndItsLabelStaysInTheJournal() throws Exception {
        String labelledPath = "flags/" + firstIn(images.resolve("flags"));
        try (var workspace = create()) {
            String otherPath = "smileys/" + firstIn(images.resolve("smileys"));
            int labelled = idOf(workspace, labelledPath);
            int other = idOf(workspace, otherPath);
            workspace.label(new int[] {labelled}, 0);
            assertTrue(queued(workspace, other));
            Files.delete(images.resolve(labelledPath));
            Files.delete(images.resolve(otherPath));

            var report = workspace.rescan();

            assertEquals(new RescanReport(0, 0, 2, 0, 0), report);
            assertEquals(ImageItem.Status.MISSING, workspace.items().get(other).status());
            assertFalse(queued(workspace, other), "gone from the queue");
            assertEquals(ImageItem.Status.MISSING, workspace.items().get(labelled).status());
            assertEquals(0, workspace.labelOf(labelled).orElseThrow().classIndex(), "the label stays");
            assertEquals(other, idOf(workspace, otherPath), "ids do not move");
        }
        try (var session = Session.open(sessionDir)) {
            assertTrue(session.currentLabels().containsKey(labelledPath), "the journal keeps the label");
        }
    }

    @Test
    void aChangedImageIsFeaturisedAgainAndAnImageThatComesBackReturnsToTheQueue() throws Exception {
        try (var workspace = create()) {
            String changedPath = "food-drink/" + firstIn(images.resolve("food-drink"));
            Path changedFile = images.resolve(changedPath);
            int changed = idOf(workspace, changedPath);
            var picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(3, 3, 0xffffff);
            javax.imageio.ImageIO.write(picture, "png", changedFile.toFile());
            Files.setLastModifiedTime(changedFile, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
            String movedPath = "smileys/" + firstIn(images.resolve("smileys"));
            Path aside = Files.move(images.resolve(movedPath), temp.resolve("aside.png"));

            assertEquals(new RescanReport(0, 1, 1, 0, 1), workspace.rescan());
            assertFalse(queued(workspace, changed), "out of the queue until featurised again");

            workspace.featurize(ProgressSink.NONE);
            assertEquals(1, embedded.get());
            assertTrue(queued(workspace, changed));
            assertEquals(Files.getLastModifiedTime(changedFile).toMillis(),
                    workspace.items().get(changed).lastModifiedMillis());

            Files.move(aside, images.resolve(movedPath));
            assertEquals(new RescanReport(1, 0, 0, 0, 0), workspace.rescan(), "its features are still cached");
            assertTrue(queued(workspace, idOf(workspace, movedPath)));
        }
    }

    @Test
    void aReopenedSessionKnowsWhatTheRescanFound() throws Exception {
        String added = "flags/late.png";
        try (var workspace = create()) {
            Files.copy(images.resolve("smileys").resolve(firstIn(images.resolve("smileys"))), images.resolve(added));
            workspace.rescan();
            workspace.featurize(ProgressSink.NONE);
        }
        embedded.set(0);
        try (var reopened = SessionWorkspace.open(sessionDir, counting())) {
            reopened.featurize(ProgressSink.NONE);
            assertEquals(0, embedded.get(), "nothing to featurise");
            assertTrue(queued(reopened, idOf(reopened, added)));
        }
    }

    @Test
    void labelledImagesSortedIntoAnotherFolderTakeTheirLabelsAlongAndAreNotReadAgain() throws Exception {
        String labelledPath = "flags/" + firstIn(images.resolve("flags"));
        String unlabelledPath = "smileys/" + firstIn(images.resolve("smileys"));
        String labelledTo = "sorted/flags/" + labelledPath.substring("flags/".length());
        String unlabelledTo = "sorted/" + unlabelledPath.substring("smileys/".length());
        try (var workspace = create()) {
            workspace.label(new int[] {idOf(workspace, labelledPath)}, 0);
            Files.createDirectories(images.resolve("sorted/flags"));
            Files.move(images.resolve(labelledPath), images.resolve(labelledTo));
            Files.move(images.resolve(unlabelledPath), images.resolve(unlabelledTo));

            var report = workspace.rescan();

            assertEquals(new RescanReport(1, 0, 1, 1, 1), report, "the unlabelled one is new, and gone where it was");
            int moved = idOf(workspace, labelledTo);
            assertEquals(0, workspace.labelOf(moved).orElseThrow().classIndex());
            assertEquals(ImageItem.Status.FEATURISED, workspace.items().get(moved).status(), "its features moved too");
            assertTrue(workspace.labelOf(idOf(workspace, labelledPath)).isEmpty(), "no label left where it was");
            workspace.featurize(ProgressSink.NONE);
            assertEquals(1, embedded.get(), "only the unlabelled image is read again");
        }
        try (var session = Session.open(sessionDir)) {
            assertEquals(Set.of(labelledTo), session.currentLabels().keySet());
        }
    }

    @Test
    void aLabelledImageSeenGoneAndLaterFoundElsewhereTakesItsLabelAlong() throws Exception {
        String labelledPath = "smileys/" + firstIn(images.resolve("smileys"));
        String labelledTo = "flags/" + labelledPath.substring("smileys/".length());
        try (var workspace = create()) {
            workspace.label(new int[] {idOf(workspace, labelledPath)}, 1);
            Path aside = Files.move(images.resolve(labelledPath), temp.resolve("aside.png"));
            assertEquals(new RescanReport(0, 0, 1, 0, 0), workspace.rescan(), "first only gone: its label stays");

            Files.move(aside, images.resolve(labelledTo));

            assertEquals(new RescanReport(0, 0, 0, 1, 0), workspace.rescan(), "then found: moved, counted once");
            assertEquals(1, workspace.labelOf(idOf(workspace, labelledTo)).orElseThrow().classIndex());
        }
    }

    @Test
    void labelledImagesMovedWhileTheSessionWasClosedKeepTheirLabelsWhenItOpens() throws Exception {
        String labelledPath = "food-drink/" + firstIn(images.resolve("food-drink"));
        String labelledTo = "flags/" + labelledPath.substring("food-drink/".length());
        try (var workspace = create()) {
            workspace.label(new int[] {idOf(workspace, labelledPath)}, 2);
        }
        Files.move(images.resolve(labelledPath), images.resolve(labelledTo));

        try (var reopened = SessionWorkspace.open(sessionDir, counting())) {
            assertEquals(2, reopened.labelOf(idOf(reopened, labelledTo)).orElseThrow().classIndex());
            assertTrue(reopened.items().stream().noneMatch(i -> i.relativePath().equals(labelledPath)),
                    "nothing is missing");
            reopened.featurize(ProgressSink.NONE);
            assertEquals(0, embedded.get(), "nothing to read again");
        }
    }

    /** The bundled backbone, counting the images it sees. */
    private Backbone counting() {
        return new Backbone() {
            @Override
            public String id() {
                return bundled.id();
            }

            @Override
            public int inputWidth() {
                return bundled.inputWidth();
            }

            @Override
            public int inputHeight() {
                return bundled.inputHeight();
            }

            @Override
            public int featureDim() {
                return bundled.featureDim();
            }

            @Override
            public float[][] embed(List<BufferedImage> batch) {
                embedded.addAndGet(batch.size());
                return bundled.embed(batch);
            }

            @Override
            public void close() {
            }
        };
    }
}
