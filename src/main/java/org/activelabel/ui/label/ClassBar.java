package org.activelabel.ui.label;

import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.FlowPane;
import org.activelabel.ui.Keymap;
import org.activelabel.ui.LazyTooltip;

/** The class buttons under the queue, with their keys, and the dialogs that add, rename and merge classes. */
public final class ClassBar extends FlowPane {

    private final LabellingViewModel vm;
    private final Runnable backToQueue;

    /** @param backToQueue gives the keyboard back to the queue after a button or a dialog */
    public ClassBar(LabellingViewModel vm, Runnable backToQueue) {
        this.vm = vm;
        this.backToQueue = backToQueue;
        getStyleClass().add("class-bar");
        vm.classes().addListener((ListChangeListener<String>) change -> fill());
        fill();
    }

    private void fill() {
        getChildren().clear();
        var title = new Label("Classes");
        title.getStyleClass().add("text-muted");
        getChildren().add(title);
        var classes = vm.classes();
        for (int c = 0; c < classes.size(); c++) {
            int classIndex = c;
            var key = c < 9 ? String.valueOf(c + 1) : c == 9 ? "0" : null;
            var button = new Button(classes.get(c));
            if (key != null) {
                var keyLabel = new Label(key);
                keyLabel.getStyleClass().add("key-hint");
                button.setGraphic(keyLabel);
            }
            button.getStyleClass().add("class-button");
            button.setOnAction(event -> {
                vm.label(classIndex);
                backToQueue.run();
            });
            button.setOnContextMenuRequested(event -> {
                classMenu(classIndex).show(button, event.getScreenX(), event.getScreenY());
                event.consume();
            });
            LazyTooltip.install(button, "Label the selected images " + classes.get(c)
                    + (key == null ? "" : " (" + key + ")") + "; right-click to rename or merge");
            getChildren().add(button);
        }
        var add = new Button("+ Add class");
        LazyTooltip.install(add, Keymap.tooltip(Keymap.Action.ADD_CLASS));
        add.setOnAction(event -> askNewClass());
        var rename = new MenuItem("Rename a class…");
        rename.setAccelerator(Keymap.of(Keymap.Action.RENAME_CLASS).combinations().get(0));
        rename.setOnAction(event -> askRename(-1));
        var merge = new MenuItem("Merge two classes…");
        merge.setAccelerator(Keymap.of(Keymap.Action.MERGE_CLASSES).combinations().get(0));
        merge.setOnAction(event -> askMerge(-1));
        merge.setDisable(vm.classes().size() < 2);
        var edit = new MenuButton("Edit classes", null, rename, merge);
        LazyTooltip.install(edit, "Rename (" + Keymap.of(Keymap.Action.RENAME_CLASS).keys() + ") or merge ("
                + Keymap.of(Keymap.Action.MERGE_CLASSES).keys() + ") classes; right-click a class for the same");
        edit.setDisable(vm.classes().isEmpty());
        add.getStyleClass().add("flat");
        edit.getStyleClass().add("flat");
        getChildren().addAll(add, edit);
    }

    private ContextMenu classMenu(int classIndex) {
        var rename = new MenuItem("Rename " + vm.className(classIndex) + "…");
        rename.setOnAction(event -> askRename(classIndex));
        var mergeInto = new Menu("Merge " + vm.className(classIndex) + " into");
        for (int into = 0; into < vm.classes().size(); into++) {
            if (into != classIndex) {
                int target = into;
                var item = new MenuItem(vm.className(into));
                item.setMnemonicParsing(false);
                item.setOnAction(event -> confirmMerge(classIndex, target));
                mergeInto.getItems().add(item);
            }
        }
        mergeInto.setDisable(mergeInto.getItems().isEmpty());
        rename.setMnemonicParsing(false);
        mergeInto.setMnemonicParsing(false);
        return new ContextMenu(rename, mergeInto);
    }


    /** Asks for a name and adds the class. */
    public void askNewClass() {
        var dialog = new TextInputDialog();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Add class");
        dialog.setHeaderText("Name of the new class");
        dialog.showAndWait().ifPresent(vm::addClass);
        backToQueue.run();
    }

    /** Renames {@code classIndex}, or asks which class first when it is -1. */
    public void askRename(int classIndex) {
        var old = classIndex >= 0 ? Optional.of(vm.className(classIndex)) : chooseClass("Rename class", "Which class?",
                vm.classes());
        old.ifPresent(oldName -> {
            var name = new TextInputDialog(oldName);
            name.initOwner(getScene().getWindow());
            name.setTitle("Rename class");
            name.setHeaderText("New name for " + oldName + "; its labels keep going with it");
            name.showAndWait().ifPresent(newName -> vm.renameClass(vm.classes().indexOf(oldName), newName));
        });
        backToQueue.run();
    }

    /** Merges {@code from} into a class the user picks, or asks for both when it is -1. */
    public void askMerge(int from) {
        if (vm.classes().size() < 2) {
            return;
        }
        var source = from >= 0 ? Optional.of(vm.className(from))
                : chooseClass("Merge classes", "Which class goes away? Its labels move to another class.", vm.classes());
        source.ifPresent(name -> {
            var others = vm.classes().stream().filter(c -> !c.equals(name)).toList();
            chooseClass("Merge classes", "Move every " + name + " label into…", others)
                    .ifPresent(into -> confirmMerge(vm.classes().indexOf(name), vm.classes().indexOf(into)));
        });
        backToQueue.run();
    }

    private void confirmMerge(int from, int into) {
        var confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Every image labelled " + vm.className(from) + " becomes " + vm.className(into) + ", and "
                        + vm.className(from) + " is removed. The labels so far cannot be undone past this point.",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(getScene().getWindow());
        confirm.setTitle("Merge classes");
        confirm.setHeaderText("Merge " + vm.className(from) + " into " + vm.className(into) + "?");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> vm.mergeClass(from, into));
        backToQueue.run();
    }

    private Optional<String> chooseClass(String title, String header, List<String> choices) {
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        var choose = new ChoiceDialog<>(choices.get(0), choices);
        choose.initOwner(getScene().getWindow());
        choose.setTitle(title);
        choose.setHeaderText(header);
        return choose.showAndWait();
    }
}
