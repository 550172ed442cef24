package org.activelabel.ui.session;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.activelabel.backbone.BackboneShelf;
import org.activelabel.backbone.Backbones;

/**
 * Asks for an image folder, a session name, the classes (typed, or the sub-folder names) and the backbone that reads
 * the images (each with what it is and how fast it reads).
 */
public final class NewSessionDialog extends Dialog<NewSession> {

    private static final String CHOOSE_FOLDER = "Choose the image folder first.";

    private final TextField folder = new TextField();
    private final TextField name = new TextField();
    private final TextArea classes = new TextArea();
    private final CheckBox fromFolders = new CheckBox("Take the sub-folder names");
    private final Label hint = new Label();
    private final ComboBox<BackboneShelf.Choice> backbone = new ComboBox<>();
    private final Label backboneNote = new Label();
    private final Executor folderLookups;
    /** The sub-folder listing under way for the hint; replaced by the next keystroke. */
    private Task<String> hintLookup;

    /**
     * An empty dialog, or with {@code earlier} (may be null) filled in, to correct a session that could not be made.
     * The folder is read on {@code folderLookups}, never on the JavaFX thread: it may sit on a slow share.
     */
    public NewSessionDialog(Window owner, List<BackboneShelf.Choice> backbones, NewSession earlier,
                            Executor folderLookups) {
        this.folderLookups = folderLookups;
        initOwner(owner);
        setTitle("New session");
        setHeaderText("Label a folder of images (sub-folders are included)");

        folder.setPromptText("Image folder");
        folder.setPrefColumnCount(32);
        var choose = new Button("Choose…");
        choose.setOnAction(event -> chooseFolder(owner));
        var folderRow = new HBox(8, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);

        name.setPromptText("Session name");
        classes.setPromptText("Class names, separated by commas or one per line");
        classes.setPrefRowCount(5);
        classes.addEventFilter(KeyEvent.KEY_PRESSED, NewSessionDialog::tabLeavesTheField);
        classes.disableProperty().bind(fromFolders.selectedProperty());
        fromFolders.selectedProperty().addListener((obs, old, on) -> refreshHint());
        folder.textProperty().addListener((obs, old, text) -> {
            if (name.getText().isBlank() || name.getText().equals(lastFolderName(old))) {
                name.setText(lastFolderName(text));
            }
            refreshHint();
        });
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        backbone.getItems().setAll(backbones);
        backbone.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackboneShelf.Choice choice) {
                return choice == null ? "" : title(choice.name()) + " — " + Backbones.networkName(choice.description());
            }

            @Override
            public BackboneShelf.Choice fromString(String text) {
                return null;
            }
        });
        backbone.getSelectionModel().selectFirst();
        backboneNote.textProperty().bind(Bindings.createStringBinding(() -> {
            var chosen = backbone.getValue();
            return chosen == null ? "" : chosen.description() + ". Fixed for the session: its features are cached.";
        }, backbone.valueProperty()));
        backboneNote.getStyleClass().add("text-muted");
        backboneNote.setWrapText(true);
        backboneNote.setMinHeight(Region.USE_PREF_SIZE);

        var form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.setPadding(new Insets(10));
        form.addRow(0, new Label("Images"), folderRow);
        form.addRow(1, new Label("Name"), name);
        form.addRow(2, new Label("Classes"), classes);
        form.add(fromFolders, 1, 3);
        form.add(hint, 1, 4);
        form.addRow(5, new Label("Backbone"), backbone);
        form.add(backboneNote, 1, 6);
        GridPane.setHgrow(folderRow, Priority.ALWAYS);
        // the row names keep their width; the fields and the wrapped notes take the rest
        var names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(names, fields);
        choose.setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().setPrefWidth(640);
        getDialogPane().setContent(form);

        var create = new ButtonType("Create", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        getDialogPane().lookupButton(create).disableProperty().bind(Bindings.createBooleanBinding(
                () -> folder.getText().isBlank() || name.getText().isBlank()
                        || (!fromFolders.isSelected() && NewSession.parseClasses(classes.getText()).isEmpty()),
                folder.textProperty(), name.textProperty(), classes.textProperty(), fromFolders.selectedProperty()));
        setResultConverter(button -> button == create ? spec() : null);
        if (earlier != null) {
            fill(earlier);
        }
        setOnShown(event -> (earlier == null ? folder : name).requestFocus());
    }

    private void fill(NewSession earlier) {
        folder.setText(earlier.imageFolder().toString());
        name.setText(earlier.name());
        classes.setText(String.join(", ", earlier.classes()));
        fromFolders.setSelected(earlier.classesFromSubFolders());
        backbone.getItems().stream().filter(choice -> choice.name().equals(earlier.backbone())).findFirst()
                .ifPresent(backbone.getSelectionModel()::select);
    }

    /** The entered session; with "take the sub-folder names" the library reads them when it creates it. */
    private NewSession spec() {
        var images = Path.of(folder.getText().strip());
        List<String> names = fromFolders.isSelected() ? List.of() : NewSession.parseClasses(classes.getText());
        return new NewSession(name.getText().strip(), images, names, fromFolders.isSelected(),
                backbone.getValue().name());
    }

    /** The chooser opens where the typed folder is; whether it is one is asked off the JavaFX thread. */
    private void chooseFolder(Window owner) {
        String typed = folder.getText().strip();
        var start = new Task<File>() {
            @Override
            protected File call() {
                return initialFolder(typed, System.getProperty("user.home"));
            }
        };
        start.setOnSucceeded(event -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle("Folder of images");
            if (start.getValue() != null) {
                chooser.setInitialDirectory(start.getValue());
            }
            var chosen = chooser.showDialog(owner);
            if (chosen != null) {
                folder.setText(chosen.getAbsolutePath());
            }
        });
        folderLookups.execute(start);
    }

    /** The typed folder if it is one, else {@code home} if that is one, else null. Blocking: looks at the disk. */
    static File initialFolder(String typed, String home) {
        for (String candidate : typed.isEmpty() ? List.of(home) : List.of(typed, home)) {
            try {
                Path path = Path.of(candidate);
                if (Files.isDirectory(path)) {
                    return path.toFile();
                }
            } catch (InvalidPathException notAPath) {
                // typed by hand: try the next
            }
        }
        return null;
    }

    private void refreshHint() {
        if (hintLookup != null) {
            hintLookup.cancel();
            hintLookup = null;
        }
        String text = folder.getText().strip();
        if (!fromFolders.isSelected()) {
            hint.setText("");
            return;
        }
        if (text.isEmpty()) {
            hint.setText(CHOOSE_FOLDER);
            return;
        }
        hint.setText("Looking for sub-folders in " + text + "…");
        var lookup = new Task<String>() {
            @Override
            protected String call() {
                return subFolderHint(text);
            }
        };
        lookup.setOnSucceeded(event -> hint.setText(lookup.getValue()));
        hintLookup = lookup;
        folderLookups.execute(lookup);
    }

    /** What "take the sub-folder names" would give for the folder typed. Blocking: reads the folder. */
    static String subFolderHint(String typed) {
        Path images;
        try {
            images = Path.of(typed);
        } catch (InvalidPathException e) {
            return "\"" + typed + "\" is not a folder path: " + e.getReason() + ".";
        }
        if (!Files.isDirectory(images)) {
            return CHOOSE_FOLDER;
        }
        try {
            var names = SessionLibrary.subFolderNames(images);
            return names.isEmpty() ? "This folder has no sub-folders." : "Classes: " + String.join(", ", names);
        } catch (SessionProblem e) {
            return e.getMessage();
        }
    }

    /**
     * Tab goes on to the next field, as everywhere else in the form, instead of typing a tab into the class names;
     * a text area moves focus on Ctrl+Tab, so Tab is passed on as that.
     */
    private static void tabLeavesTheField(KeyEvent event) {
        if (event.getCode() != KeyCode.TAB || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        event.consume();
        var target = (Node) event.getTarget();
        target.fireEvent(new KeyEvent(event.getSource(), target, KeyEvent.KEY_PRESSED, event.getCharacter(),
                event.getText(), KeyCode.TAB, event.isShiftDown(), true, false, false));
    }

    /** "Fast" for the default backbone (what sets it apart from the accurate one), else the name capitalised. */
    private static String title(String name) {
        if (name.equals(Backbones.DEFAULT)) {
            return "Fast";
        }
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String lastFolderName(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        var file = Path.of(path.strip()).getFileName();
        return file == null ? "" : file.toString();
    }
}
