package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.activelabel.backbone.BackboneDescriptor;
import org.activelabel.backbone.Backbones;
import org.activelabel.session.Session;
import org.activelabel.session.SessionException;
import org.activelabel.testing.SampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session command finds the bundled backbone a session was made with; {@code --backbone} must agree with it. */
class OpenSessionTest {

    private static final List<String> CLASSES = List.of("animals-nature", "food-drink");

    @TempDir
    Path temp;

    @Test
    void withoutBackboneOptionTheSessionsOwnBundledBackboneIsOpened() throws Exception {
        for (var name : List.of(Backbones.ACCURATE, "accurate-768", Backbones.DEFAULT)) {
            String id = BackboneDescriptor.read(Backbones.bundledDescriptor(name)).id();
            try (var opened = OpenSession.open(session(name, id), null)) {
                assertEquals(id, opened.backbone().id(), name);
            }
        }
    }

    @Test
    void anotherBackboneThanTheSessionsIsRefusedNamingBoth() throws Exception {
        String accurate = BackboneDescriptor.read(Backbones.bundledDescriptor(Backbones.ACCURATE)).id();
        var dir = session("pets", accurate);
        var problem = assertThrows(SessionException.class, () -> OpenSession.open(dir, Path.of(Backbones.DEFAULT)));
        assertTrue(problem.getMessage().contains(accurate), problem.getMessage());
        assertTrue(problem.getMessage().contains("--backbone"), problem.getMessage());
    }

    private Path session(String name, String backboneId) throws Exception {
        var images = SampleImages.copy(temp.resolve("images-" + name), CLASSES, 1);
        var dir = temp.resolve("sessions").resolve(name);
        Session.create(dir, name, images, CLASSES, backboneId).close();
        return dir;
    }
}
