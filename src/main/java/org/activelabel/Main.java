package org.activelabel;

import org.activelabel.cli.ActiveLabelCommand;

/**
 * Entry point. Kept free of JavaFX types so the class path start works (a main class that
 * extends Application fails there with "JavaFX runtime components are missing").
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ActiveLabelCommand.run(args));
    }
}
