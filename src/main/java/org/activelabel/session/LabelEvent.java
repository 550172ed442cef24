package org.activelabel.session;

import java.time.Instant;
import java.util.Objects;

/** One line of the label journal. {@code path} is relative to the image root and uses '/'. */
public sealed interface LabelEvent permits LabelEvent.Label, LabelEvent.Unlabel {

    Instant time();

    String path();

    LabelSource source();

    static Label label(String path, int classId, LabelSource source, Instant time) {
        return new Label(time, path, classId, source);
    }

    static Unlabel unlabel(String path, LabelSource source, Instant time) {
        return new Unlabel(time, path, source);
    }

    record Label(Instant time, String path, int classId, LabelSource source) implements LabelEvent {
        public Label {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(source, "source");
            checkPath(path);
        }
    }

    record Unlabel(Instant time, String path, LabelSource source) implements LabelEvent {
        public Unlabel {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(source, "source");
            checkPath(path);
        }
    }

    /** Relative, '/'-separated, inside the image root: what every reader of the journal can rely on. */
    private static void checkPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("image path must not be empty");
        }
        if (path.startsWith("/") || path.contains("\\") || path.indexOf(':') == 1) {
            throw new IllegalArgumentException("image path must be relative and use '/': \"" + path + "\"");
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("image path has an empty, '.' or '..' part: \"" + path + "\"");
            }
        }
    }
}
