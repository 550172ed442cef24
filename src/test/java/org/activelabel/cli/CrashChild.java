package org.activelabel.cli;

import org.activelabel.session.LabelSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.activelabel.model.HeadStore;
import org.activelabel.model.ModelSnapshot;
import org.activelabel.session.LabelEvent;
import org.activelabel.session.Session;

/**
 * Run in a child JVM by {@link CrashSafetyTest} and killed there at a random moment. It writes as fast as it can
 * and says on stdout what is durable: "confirmed PATH CLASS" after each label append returns, "saved N" after each
 * model save returns. It never stops by itself.
 */
public final class CrashChild {

    static final String READY = "ready";
    static final int CLASSES = 4;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "label" -> label(Path.of(args[1]));
            case "head" -> saveHeads(Path.of(args[1]), Path.of(args[2]), args[3]);
            default -> throw new IllegalArgumentException("mode label or head, got " + args[0]);
        }
    }

    static String pathOf(int i) {
        return "img/" + String.format("%06d", i) + ".png";
    }

    /** Labels image after image, one append each, continuing after the labels the session already has. */
    private static void label(Path sessionDir) {
        try (Session session = Session.open(sessionDir)) {
            System.out.println(READY);
            System.out.flush();
            for (int i = session.labelCount(); ; i++) {
                session.appendLabels(List.of(LabelEvent.label(pathOf(i), i % CLASSES, LabelSource.HUMAN,
                        Instant.now())));
                System.out.println("confirmed " + pathOf(i) + " " + (i % CLASSES));
                System.out.flush();
            }
        }
    }

    /** Saves the template head over {@code target} again and again. */
    private static void saveHeads(Path template, Path target, String backboneId) throws Exception {
        ModelSnapshot head = HeadStore.load(template, backboneId);
        System.out.println(READY);
        System.out.flush();
        for (long n = 1; ; n++) {
            HeadStore.save(head, target);
            System.out.println("saved " + n);
            System.out.flush();
        }
    }
}
