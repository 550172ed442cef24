package org.activelabel.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Builds a control's tooltip when the pointer first comes over it: tooltips and menus are popups, costly to
 * create, and the first frame of the window would otherwise wait for all of them.
 */
public final class LazyTooltip {

    private LazyTooltip() {
    }

    public static void install(Control control, String text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            if (control.getTooltip() == null) {
                control.setTooltip(new Tooltip(text));
            }
        });
    }
}
