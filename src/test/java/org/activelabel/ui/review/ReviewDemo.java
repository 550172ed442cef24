package org.activelabel.ui.review;

import org.activelabel.session.LabelSource;
import atlantafx.base.theme.PrimerLight;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.activelabel.ui.BackgroundTasks;
import org.activelabel.ui.WhenPicturesShown;
import org.activelabel.ui.thumbnail.DecodedThumbnailSource;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.workspace.ModelSummary;
import org.activelabel.workspace.Ranking;
import org.activelabel.workspace.SuspectLabel;

/**
 * Shows the review pane on made-up data and writes a screenshot (run under a display, e.g.
 * xvfb-run): {@code ReviewDemo out.png [trained|fresh|labelled] [width height]}. "fresh" is a
 * session before its first model; "labelled" lists the labelled images.
 */
final class ReviewDemo {

    private ReviewDemo() {
    }

    public static void main(String[] args) throws Exception {
        var output = Path.of(args.length > 0 ? args[0] : "review.png");
        var mode = args.length > 1 ? args[1] : "trained";
        double width = args.length > 3 ? Double.parseDouble(args[2]) : 1400;
        double height = args.length > 3 ? Double.parseDouble(args[3]) : 900;
        var workspace = demoWorkspace(Files.createTempDirectory("review-demo"), !mode.equals("fresh"));
        var background = Executors.newFixedThreadPool(2, runnable -> {
            var thread = new Thread(runnable, "review-demo");
            thread.setDaemon(true);
            return thread;
        });
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var done = new CountDownLatch(1);
        long maxNanos = Long.getLong("screenshot.maxWait", 20_000) * 1_000_000L;
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            var viewModel = new ReviewViewModel(workspace, background);
            if (mode.equals("labelled")) {
                viewModel.labelFilterProperty().set(LabelFilter.LABELLED);
            }
            var thumbnails = new ThumbnailCache(new DecodedThumbnailSource(), new BackgroundTasks(), 128);
            var view = new ReviewView(viewModel, thumbnails, id -> { });
            var stage = new Stage();
            stage.setScene(new Scene(view, width, height));
            stage.setTitle("Review");
            stage.show();
            // the first thumbnails wait for class loading and the JPEG decoder to warm up
            WhenPicturesShown.then(stage::getScene, maxNanos, () -> {
                try {
                    var scene = stage.getScene();
                    var suspects = (javafx.scene.control.ListView<?>) scene.lookup("#suspects");
                    suspects.getSelectionModel().select(1);
                    var table = (javafx.scene.control.TableView<?>) scene.lookup("#review-table");
                    table.getSelectionModel().select(2);
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    var image = scene.snapshot(null);
                    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", output.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        });
        done.await();
        Platform.exit();
    }

    private static HandSetWorkspace demoWorkspace(Path root, boolean trained) throws IOException {
        var classes = List.of("cat", "dog", "bird", "fish", "horse");
        var random = new Random(7);
        var files = new ArrayList<String>();
        int count = 600;
        for (int i = 0; i < count; i++) {
            var name = String.format("photos/%s/IMG_%04d.jpg", classes.get(i % classes.size()), 1000 + i);
            files.add(name);
            writeImage(root.resolve(name), random);
        }
        var workspace = new HandSetWorkspace(root, classes, files);
        if (!trained) {
            for (int id = 0; id < 12; id++) {
                workspace.putLabel(id, id % 3, LabelSource.HUMAN);
            }
            return workspace;
        }
        var order = new ArrayList<Integer>();
        var score = new double[count];
        var predicted = new int[count];
        var confidence = new float[count];
        for (int id = 0; id < count; id++) {
            predicted[id] = random.nextDouble() < 0.8 ? id % classes.size() : random.nextInt(classes.size());
            confidence[id] = (float) Math.min(0.999, 0.2 + 0.8 * Math.pow(random.nextDouble(), 0.5));
            if (id < 140) {
                workspace.putLabel(id, id % classes.size(),
                        id < 120 ? LabelSource.HUMAN : LabelSource.MODEL);
                score[id] = Double.NaN;
            } else {
                score[id] = 1 - confidence[id];
                order.add(id);
            }
        }
        order.sort((a, b) -> Double.compare(score[b], score[a]));
        workspace.setRanking(new Ranking("least-confidence", order.stream().mapToInt(Integer::intValue).toArray(),
                score, predicted, confidence, new float[count][], 6));
        var curve = List.of(new ModelSummary.CurvePoint(20, 0.48), new ModelSummary.CurvePoint(40, 0.63),
                new ModelSummary.CurvePoint(60, 0.71), new ModelSummary.CurvePoint(80, 0.78),
                new ModelSummary.CurvePoint(100, 0.81), new ModelSummary.CurvePoint(120, 0.84));
        var confusion = new int[][] {{21, 1, 1, 0, 1}, {2, 19, 0, 0, 3}, {1, 0, 22, 1, 0}, {0, 0, 2, 22, 0},
                {0, 4, 0, 0, 20}};
        workspace.setModel(new ModelSummary(6, 120, 0.84, true, 380, false, confusion, curve));
        workspace.setSuspects(List.of(new SuspectLabel(6, 1, 4, 0.94), new SuspectLabel(11, 1, 0, 0.91),
                new SuspectLabel(27, 2, 3, 0.88), new SuspectLabel(44, 4, 1, 0.86),
                new SuspectLabel(53, 3, 2, 0.83), new SuspectLabel(70, 0, 1, 0.81),
                new SuspectLabel(92, 2, 0, 0.8)));
        return workspace;
    }

    private static void writeImage(Path file, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        var image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.35f, 0.85f));
        g.fillRect(0, 0, 160, 120);
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.6f));
        g.fillOval(30 + random.nextInt(40), 20 + random.nextInt(30), 60, 50);
        g.dispose();
        ImageIO.write(image, "jpg", file.toFile());
    }
}
