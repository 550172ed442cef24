package org.activelabel.ui.session;

import java.nio.file.Path;
import java.util.List;

/**
 * What the New session dialog asks for: a name, the image folder (sub-folders included) and the
 * classes, typed or, with {@code classesFromSubFolders}, the names of the folder's sub-folders, and the name of the
 * backbone that reads the images.
 */
public record NewSession(String name, Path imageFolder, List<String> classes, boolean classesFromSubFolders,
                         String backbone) {

    public NewSession {
        classes = List.copyOf(classes);
    }

    /** Class names typed by the user: separated by commas or new lines, blanks and repeats dropped. */
    public static List<String> parseClasses(String typed) {
        return typed == null ? List.of() : java.util.Arrays.stream(typed.split("[,\\n\\r]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
