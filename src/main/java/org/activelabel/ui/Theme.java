package org.activelabel.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two looks of the window; switching replaces the user-agent stylesheet for every window. */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        var theme = this == DARK ? new PrimerDark() : new PrimerLight();
        Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
