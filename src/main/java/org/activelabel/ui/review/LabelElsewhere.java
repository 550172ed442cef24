package org.activelabel.ui.review;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** A double-click or Enter on a list's selected image hands it on, to be labelled in the Label tab. */
final class LabelElsewhere {

    private LabelElsewhere() {
    }

    static void onDoubleClickOrEnter(Node list, Supplier<?> selected, Consumer<Integer> labelItem) {
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                handOn(selected.get(), labelItem);
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && handOn(selected.get(), labelItem)) {
                event.consume();
            }
        });
    }

    private static boolean handOn(Object row, Consumer<Integer> labelItem) {
        if (row instanceof ReviewRow review) {
            labelItem.accept(review.itemId());
        } else if (row instanceof SuspectRow suspect) {
            labelItem.accept(suspect.itemId());
        } else {
            return false;
        }
        return true;
    }
}
