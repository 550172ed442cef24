package org.activelabel.ui.session;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.Keymap;
import org.activelabel.workspace.LabelsFile;
import org.activelabel.workspace.Workspace;

/**
 * The toolbar's Session menu: New session…, Open session…, the recent ones, Rescan image folder, Export labels… and
 * Export model….
 */
public final class SessionMenu extends MenuButton {

    public static final KeyCombination NEW = Keymap.of(Keymap.Action.NEW_SESSION).combinations().get(0);
    public static final KeyCombination OPEN = Keymap.of(Keymap.Action.OPEN_SESSION).combinations().get(0);
    public static final KeyCombination RESCAN = Keymap.of(Keymap.Action.RESCAN).combinations().get(0);

    /** What the window does with a chosen session. */
    public interface Actions {
        /**
         * Runs {@code work} in the background showing {@code what}, then shows the workspace it opened; if it fails,
         * says why, then runs {@code afterProblem}.
         */
        void open(String what, BackgroundTasks.Work<Workspace> work, Runnable afterProblem);

        Workspace current();

        /** Writes the current session's model as an ONNX classifier to {@code out}, in the background. */
        void exportModel(Path out);

        /** Writes the current session's labels to {@code out} as {@code file}, in the background. */
        void exportLabels(Path out, LabelsFile file);

        /** Looks at the current session's image folder again for images added, changed or removed. */
        void rescan();
    }

    private final SessionLibrary library;
    private final Actions actions;
    private final Executor reads;
    /** The recent list as last read; shown at once, read again in the background each time the menu opens. */
    private List<Path> recentRead = List.of();
    private final Menu recent = new Menu("Recent sessions");

    /**
     * {@code reads} runs the disk reads of the menu and its New session dialog (the recent list, whose folders may be
     * on a share that is gone; the folder typed), off the JavaFX thread.
     */
    public SessionMenu(SessionLibrary library, Actions actions, Executor reads) {
        super("Session");
        this.library = library;
        this.actions = actions;
        this.reads = reads;
        var create = new MenuItem("New session…");
        create.setAccelerator(NEW);
        create.setOnAction(event -> askNew());
        var open = new MenuItem("Open session…");
        open.setAccelerator(OPEN);
        open.setOnAction(event -> askOpen());
        var rescan = new MenuItem("Rescan image folder");
        rescan.setAccelerator(RESCAN);
        rescan.setOnAction(event -> actions.rescan());
        var exportLabels = new MenuItem("Export labels…");
        exportLabels.setOnAction(event -> askExportLabels());
        var exportModel = new MenuItem("Export model…");
        exportModel.setOnAction(event -> askExportModel());
        getItems().addAll(create, open, new SeparatorMenuItem(), recent, new SeparatorMenuItem(), rescan, exportLabels,
                exportModel);
        setOnShowing(event -> {
            readRecent();
            var current = actions.current();
            exportLabels.setDisable(current == null);
            exportModel.setDisable(current == null || current.model().isEmpty());
        });
        fillRecent();
        readRecent();
    }

    public void askNew() {
        askNew(null);
    }

    /** The New session dialog, filled with {@code earlier} if given: a session that could not be made is asked again. */
    private void askNew(NewSession earlier) {
        var dialog = new NewSessionDialog(getScene().getWindow(), library.backbones(), earlier, reads);
        dialog.showAndWait().ifPresent(spec ->
                actions.open("Creating session \"" + spec.name() + "\" and looking for images in " + spec.imageFolder()
                        + "…", progress -> library.create(spec), () -> askNew(spec)));
    }

    public void askOpen() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Open a session folder");
        File root = library.sessionsRoot().toFile();
        if (root.isDirectory()) {
            chooser.setInitialDirectory(root);
        }
        var chosen = chooser.showDialog(getScene().getWindow());
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    /** A save dialog whose file types are the formats; the one chosen decides what is written. */
    public void askExportLabels() {
        var chooser = new FileChooser();
        chooser.setTitle("Export the labels");
        for (var file : LabelsFile.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(file.title(), "*" + file.extension()));
        }
        var current = actions.current();
        if (current != null) {
            chooser.setInitialFileName(fileName(current) + "-labels" + LabelsFile.CSV.extension());
        }
        var chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            int index = chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter());
            var file = LabelsFile.values()[Math.max(0, index)];
            exportLabelsTo(file.named(chosen.toPath()), file);
        }
    }

    /** Export labels… once a file and a format are chosen: written in the background. */
    public void exportLabelsTo(Path out, LabelsFile file) {
        actions.exportLabels(out, file);
    }

    private static String fileName(Workspace session) {
        return session.name().replaceAll("[^\\p{Alnum}._-]+", "-");
    }

    public void askExportModel() {
        var chooser = new FileChooser();
        chooser.setTitle("Export the model as ONNX");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
        var current = actions.current();
        if (current != null) {
            chooser.setInitialFileName(fileName(current) + ".onnx");
        }
        var chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            exportModelTo(chosen.toPath());
        }
    }

    /** Export model… once a file is chosen: the current session's model goes to {@code out} in the background. */
    public void exportModelTo(Path out) {
        actions.exportModel(out);
    }

    private void open(Path sessionDir) {
        var current = actions.current();
        if (current != null && current.sessionDir().toAbsolutePath().normalize().equals(sessionDir.toAbsolutePath().normalize())) {
            var info = new Alert(Alert.AlertType.INFORMATION, "\"" + current.name() + "\" is the session open now.");
            info.initOwner(getScene().getWindow());
            info.setHeaderText(null);
            info.showAndWait();
            return;
        }
        actions.open("Opening " + sessionDir + "…", progress -> library.open(sessionDir), () -> { });
    }

    /** Reads the recent list (which looks at each folder) in the background; the menu shows it when it is in. */
    private void readRecent() {
        var read = new Task<List<Path>>() {
            @Override
            protected List<Path> call() {
                return library.recent();
            }
        };
        read.setOnSucceeded(event -> {
            if (!read.getValue().equals(recentRead)) {
                recentRead = read.getValue();
                fillRecent();
            }
        });
        reads.execute(read);
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (Path dir : recentRead) {
            var item = new MenuItem(dir.getFileName() + "  —  " + dir);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> open(dir));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }
}
