package org.activelabel.session;

import java.io.IOException;
import java.nio.file.Path;

/** Run in a child JVM by {@link SessionLockTest}: opens a session, says so, and holds it until stdin closes. */
public final class LockHolder {

    static final String READY = "session open";

    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (Session session = Session.open(Path.of(args[0]))) {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the session until the parent closes our stdin
            }
        }
    }
}
