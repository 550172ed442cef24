package org.activelabel.testing;

import java.io.IOException;
import java.nio.file.Path;

/** Named pipes for tests of inputs that would block a reader. */
public final class Fifos {

    private Fifos() {
    }

    public static Path make(Path path) throws IOException {
        try {
            int code = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
            if (code != 0) {
                throw new IOException("mkfifo " + path + " exited " + code);
            }
            return path;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
