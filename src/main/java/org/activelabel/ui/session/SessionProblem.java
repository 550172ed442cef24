package org.activelabel.ui.session;

import java.nio.file.Path;

/** A session could not be opened or created for a reason the user can act on; {@code where} names the place. */
public final class SessionProblem extends RuntimeException {

    private final transient Path where;

    public SessionProblem(String message, Path where) {
        super(message);
        this.where = where;
    }

    public SessionProblem(String message, Path where, Throwable cause) {
        super(message, cause);
        this.where = where;
    }

    public Path where() {
        return where;
    }
}
