package org.activelabel.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.activelabel.backbone.BackboneShelf;
import org.activelabel.session.RecentSessions;
import org.activelabel.session.Session;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Session menu's recent sessions are read in the background: a folder on a share that is gone never stalls it. */
@ExtendWith(ApplicationExtension.class)
class SessionMenuRecentTest {

    @TempDir
    Path temp;

    private final HeldBackReads heldBack = new HeldBackReads();

    @Start
    void start(Stage stage) {
    }

    @Test
    void theRecentSessionsComeFromABackgroundReadEachTimeTheMenuOpens(FxRobot robot) throws Exception {
        Path root = temp.resolve("sessions");
        Path pets = root.resolve("pets");
        Session.create(pets, "pets", temp, List.of("cat", "dog"), "some-backbone").close();
        new RecentSessions(root).add(pets);
        try (var library = new SessionLibrary(root, temp, BackboneShelf.bundled())) {
            SessionMenu[] menu = new SessionMenu[1];
            robot.interact(() -> menu[0] = new SessionMenu(library, new NoSession(), heldBack));
            Menu recent = recentMenu(menu[0]);
            assertTrue(recent.getItems().isEmpty(), "nothing read on the JavaFX thread");
            assertTrue(recent.isDisable());

            heldBack.runAll();
            assertEquals(List.of("pets  —  " + pets.toAbsolutePath()), texts(recent));

            deleteRecursively(pets);
            robot.interact(() -> menu[0].getOnShowing().handle(null));
            assertEquals(List.of("pets  —  " + pets.toAbsolutePath()), texts(recent), "the last list, at once");
            heldBack.runAll();
            assertTrue(recent.getItems().isEmpty(), "then the folder is found gone");
            assertTrue(recent.isDisable());
        }
    }

    private static Menu recentMenu(SessionMenu menu) {
        return menu.getItems().stream().filter(i -> i instanceof Menu && "Recent sessions".equals(i.getText()))
                .map(Menu.class::cast).findFirst().orElseThrow();
    }

    private static List<String> texts(Menu menu) {
        return menu.getItems().stream().map(MenuItem::getText).toList();
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A window with no session open. */
    private static final class NoSession implements SessionMenu.Actions {
        @Override
        public void open(String what, BackgroundTasks.Work<Workspace> work, Runnable afterProblem) {
        }

        @Override
        public Workspace current() {
            return null;
        }

        @Override
        public void exportModel(Path out) {
        }

        @Override
        public void exportLabels(Path out, org.activelabel.workspace.LabelsFile file) {
        }

        @Override
        public void rescan() {
        }
    }
}
