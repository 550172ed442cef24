package org.activelabel.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.activelabel.workspace.Workspace;

/** How a window test opens its session: a session factory, which may throw, as the window's opener. */
@FunctionalInterface
interface Opening {

    Workspace open() throws IOException;

    static Supplier<Workspace> of(Opening opening) {
        return () -> {
            try {
                return opening.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
