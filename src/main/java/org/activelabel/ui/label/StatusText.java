package org.activelabel.ui.label;

import java.util.Locale;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.RescanReport;

/** The sentences the status bar and the notices say about models, errors and reading images. */
final class StatusText {

    static final String START = "Label the images the model is least sure of: number keys or the class buttons;"
            + " ? shows every shortcut.";

    private StatusText() {
    }

    static String describe(ModelSummary summary) {
        var accuracy = !summary.validated() ? "accuracy checked when you pause"
                : Double.isNaN(summary.cvAccuracy()) ? "accuracy not known yet (too few labels)"
                : String.format(Locale.ROOT, "cross-validated accuracy %.0f%%", summary.cvAccuracy() * 100);
        if (summary.trainMillis() <= 0) {
            // a model saved with the session: how long it took then is not known
            return String.format(Locale.ROOT, "Model v%d on %d labels, %s.", summary.version(), summary.labelled(),
                    accuracy);
        }
        return String.format(Locale.ROOT, "Model v%d: %s on %d labels in %.1f s, %s.", summary.version(),
                summary.full() ? "refitted" : "updated", summary.labelled(), summary.trainMillis() / 1000.0, accuracy);
    }

    /** What a new look at the image folder found. */
    static String describe(RescanReport report) {
        if (!report.changedAnything()) {
            return "No new, changed or removed images in the image folder";
        }
        // the first part names the images: "3 new images, 1 changed", "1 changed image, 2 gone"
        var parts = new java.util.ArrayList<String>();
        if (report.added() > 0) {
            parts.add(count(report.added(), "new image"));
        }
        if (report.changed() > 0) {
            parts.add(parts.isEmpty() ? count(report.changed(), "changed image") : report.changed() + " changed");
        }
        if (report.removed() > 0) {
            parts.add((parts.isEmpty() ? count(report.removed(), "image") : String.valueOf(report.removed()))
                    + " gone (labels given to them stay)");
        }
        if (report.moved() > 0) {
            parts.add((parts.isEmpty() ? count(report.moved(), "moved image") : report.moved() + " moved")
                    + " (their labels went with them)");
        }
        var found = "Found " + String.join(", ", parts);
        return report.pending() > 0 ? found + "; reading " + count(report.pending(), "image") + " now" : found;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The first message in the chain of causes, or the error's type when none says anything. */
    static String describe(Throwable error) {
        var message = error.getMessage();
        var cause = error.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** "Reading images 120/320 · about 8 s left", the rate measured from the first image read in this run. */
    static final class ReadingEta {
        private long firstDone = -1;
        private long firstNanos;
        private final long startNanos;

        ReadingEta(long startNanos) {
            this.startNanos = startNanos;
        }

        String describe(long done, long total, long nowNanos) {
            if (total <= 0 || done < 0) {
                return "Reading images…";
            }
            if (firstDone < 0 || done < firstDone) {
                firstDone = done;
                firstNanos = nowNanos;
            }
            var text = String.format(Locale.ROOT, "Reading images %d/%d", done, total);
            long read = done - firstDone;
            double seconds = (nowNanos - firstNanos) / 1e9;
            if (read < 8 || seconds < 1 || nowNanos - startNanos < 2_000_000_000L) {
                return text;
            }
            long left = Math.round((total - done) / (read / seconds));
            return text + (left < 60 ? " · about " + Math.max(1, left) + " s left"
                    : String.format(Locale.ROOT, " · about %d min %02d s left", left / 60, left % 60));
        }
    }
}
