package org.activelabel.ui;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.activelabel.app.AppVersion;
import java.io.IOException;
import org.activelabel.deploy.ModelExport;
import org.activelabel.image.FolderWatch;
import org.activelabel.ui.label.LabellingViewModel;
import org.activelabel.ui.session.SessionLibrary;
import org.activelabel.ui.session.SessionMenu;
import org.activelabel.ui.session.SessionProblem;
import org.activelabel.ui.review.ReviewViewModel;
import org.activelabel.ui.thumbnail.DecodedThumbnailSource;
import org.activelabel.ui.thumbnail.StoredThumbnailSource;
import org.activelabel.ui.thumbnail.ThumbnailCache;
import org.activelabel.ui.thumbnail.ThumbnailSource;
import org.activelabel.workspace.LabelsFile;
import org.activelabel.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application. The window shows at once with a progress indicator while the
 * workspace opens in the background, then the labelling view replaces it.
 */
public final class ActiveLabelApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveLabelApp.class);
    /** How long the image folder must be quiet before what changed in it is looked at. */
    private static final Duration WATCH_QUIET = Duration.ofSeconds(2);
    /** Tiles are shown at most this big, in layout units. */
    private static final int THUMBNAIL_SIDE = 128;
    /** System property: millions of pixels of thumbnails the window keeps in memory (4 bytes each). */
    static final String THUMBNAIL_MEGAPIXELS = "activelabel.thumbnailMegapixels";

    /** Application.launch builds the instance itself; this carries the opener across once. */
    private static final AtomicReference<Handover> HANDOVER = new AtomicReference<>();

    private record Handover(Supplier<Workspace> opener, SessionLibrary library) {
    }

    private final Supplier<Workspace> opener;
    private final SessionLibrary library;
    private final ThumbnailSource thumbnailSource;
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final FxStallMeter stallMeter = new FxStallMeter();
    /** Measures the image folder's quiet time; the rescan itself runs in the model lane. */
    private final ScheduledExecutorService watchTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "activelabel-watch-timer");
        thread.setDaemon(true);
        return thread;
    });
    private FolderWatch folderWatch;
    private Stage stage;
    private Workspace workspace;
    private LabellingViewModel viewModel;
    private MainView mainView;
    private ReviewViewModel reviewModel;
    private boolean closed;
    private boolean opening;

    /** Used by {@link Application#launch}; takes the opener handed over by {@link DesktopLauncher}. */
    public ActiveLabelApp() {
        this(Objects.requireNonNull(HANDOVER.getAndSet(null), "start through DesktopLauncher.launch"));
    }

    private ActiveLabelApp(Handover handover) {
        this(handover.opener(), handover.library(), new DecodedThumbnailSource());
    }

    /** A window over one workspace, without the Session menu. */
    public ActiveLabelApp(Supplier<Workspace> opener, ThumbnailSource thumbnailSource) {
        this(opener, null, thumbnailSource);
    }

    /** A window that starts with {@code opener}'s workspace and can open and create others from {@code library}. */
    public ActiveLabelApp(Supplier<Workspace> opener, SessionLibrary library, ThumbnailSource thumbnailSource) {
        this.opener = opener;
        this.library = library;
        this.thumbnailSource = thumbnailSource;
    }

    static void handOver(Supplier<Workspace> opener, SessionLibrary library) {
        HANDOVER.set(new Handover(opener, library));
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Theme.LIGHT.apply();
        var spinner = new ProgressIndicator();
        var opening = new Label("Opening the workspace…");
        var loading = new VBox(16, spinner, opening);
        loading.setAlignment(Pos.CENTER);
        var screen = Screen.getPrimary().getVisualBounds();
        var scene = new Scene(loading, Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(
                ActiveLabelApp.class.getResource("activelabel.css")).toExternalForm());
        stage.setTitle(AppVersion.nameAndVersion());
        stage.getIcons().add(new Image(Objects.requireNonNull(
                ActiveLabelApp.class.getResource("activelabel.png")).toExternalForm()));
        stage.setScene(scene);
        stage.setOnHidden(event -> shutDown());
        var opened = opener instanceof DesktopLauncher.EarlyOpen early ? early.ifOpened() : Optional.<Workspace>empty();
        if (opened.isPresent()) {
            // already open (it started before JavaFX did): the first frame is the queue, no spinner to style first
            showWorkspace(opened.get());
        }
        stage.show();
        stallMeter.start();
        if (opened.isEmpty()) {
            tasks.submit(BackgroundTasks.Lane.EDITS, progress -> opener.get(), this::showWorkspace, this::showOpenFailure);
        }
    }

    private void showWorkspace(Workspace opened) {
        if (closed) {
            closeLater(opened);
            return;
        }
        var previous = workspace;
        if (viewModel != null) {
            viewModel.cancelUpdate();
            viewModel.dispose();
            mainView.uninstallShortcuts(stage.getScene());
        }
        if (reviewModel != null) {
            reviewModel.close();
            reviewModel = null;
        }
        if (previous != null) {
            closeLater(previous);
        }
        stopWatching();
        workspace = opened;
        viewModel = new LabellingViewModel(opened, tasks);
        var sessionMenu = library == null ? null : new SessionMenu(library, new SessionMenu.Actions() {
            @Override
            public void open(String what, BackgroundTasks.Work<Workspace> work, Runnable afterProblem) {
                openSession(what, work, afterProblem);
            }

            @Override
            public Workspace current() {
                return workspace;
            }

            @Override
            public void exportLabels(Path out, LabelsFile file) {
                exportLabelsTo(out, file);
            }

            @Override
            public void exportModel(Path out) {
                exportModelTo(out);
            }

            @Override
            public void rescan() {
                viewModel.rescan();
            }
        }, tasks.lane(BackgroundTasks.Lane.IO));
        mainView = new MainView(new MainView.Parts(viewModel, tasks, thumbnailSource, thumbnails(opened), () -> {
            reviewModel = reviewModel(opened);
            return reviewModel;
        }, sessionMenu));
        stage.getScene().setRoot(mainView);
        mainView.installShortcuts(stage.getScene());
        stage.setTitle(opened.name() + " — " + AppVersion.nameAndVersion());
        mainView.focusGrid();
        Platform.runLater(() -> {
            LOG.info("Queue of {} images shown {} ms after the program started", viewModel.queueProperty().get().size(),
                    System.currentTimeMillis() - Long.getLong(DesktopLauncher.LAUNCHED_AT,
                            ManagementFactory.getRuntimeMXBean().getStartTime()));
            // the saved model (and DL4J with it) loads once the queue shows; the ranking updates when it is in
            tasks.submit(BackgroundTasks.Lane.MODEL, progress -> {
                opened.loadSavedModel();
                return null;
            }, done -> { }, error -> LOG.warn("Could not load the saved model of {}", opened.name(), error));
        });
        viewModel.featurizeNewImages();
        startWatching(opened);
    }

    /**
     * Watches the image folder: images copied in, changed or removed are looked at once it has been quiet for
     * {@link #WATCH_QUIET}, as F5 does. The folder is walked in the background; a folder that cannot be watched
     * leaves F5.
     */
    private void startWatching(Workspace opened) {
        var vm = viewModel;
        FolderWatch.Timer timer = (delay, action) -> {
            var due = watchTimer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> due.cancel(false);
        };
        Runnable rescan = () -> Platform.runLater(() -> {
            if (viewModel == vm && !closed) {
                vm.folderChanged();
            }
        });
        tasks.submit(BackgroundTasks.Lane.IO, progress -> FolderWatch.start(opened.imageRoot(), WATCH_QUIET, timer, rescan),
                watch -> {
                    if (viewModel == vm && !closed) {
                        folderWatch = watch;
                    } else {
                        watch.close();
                    }
                },
                error -> LOG.warn("Not watching {} for new images (F5 looks again): {}", opened.imageRoot(),
                        describe(error)));
    }

    private void stopWatching() {
        if (folderWatch != null) {
            folderWatch.close();
            folderWatch = null;
        }
    }

    /**
     * The thumbnails of the grid, the detail pane and the Review tab: sharp on a HiDPI screen, in the same memory,
     * read from the session's thumbnails on disk when it keeps them.
     */
    private ThumbnailCache thumbnails(Workspace opened) {
        double scale = Math.min(3, Math.max(1, Screen.getPrimary().getOutputScaleX()));
        ThumbnailSource source = opened.thumbnails().<ThumbnailSource>map(StoredThumbnailSource::new)
                .orElse(thumbnailSource);
        return new ThumbnailCache(source, tasks, THUMBNAIL_SIDE, scale, thumbnailPixelBudget());
    }

    private static long thumbnailPixelBudget() {
        String megapixels = System.getProperty(THUMBNAIL_MEGAPIXELS);
        if (megapixels != null) {
            try {
                double value = Double.parseDouble(megapixels.strip());
                if (value > 0) {
                    return (long) (value * 1_000_000);
                }
            } catch (NumberFormatException e) {
                // the default below
            }
            LOG.warn("-D{}={} is not a positive number of megapixels; keeping {} million", THUMBNAIL_MEGAPIXELS,
                    megapixels, ThumbnailCache.DEFAULT_PIXEL_BUDGET / 1_000_000);
        }
        return ThumbnailCache.DEFAULT_PIXEL_BUDGET;
    }

    /** The Review tab's state; it reads and relabels in the edits lane, after the labels queued before. */
    private ReviewViewModel reviewModel(Workspace opened) {
        return new ReviewViewModel(opened, work -> tasks.submit(BackgroundTasks.Lane.EDITS, progress -> {
            work.run();
            return null;
        }, done -> { }, error -> LOG.warn("The Review tab could not read or write {}", opened.name(), error)));
    }

    /**
     * Opens another session in the background while the current one stays usable; the current one
     * is closed only once the new one is open, and stays open when opening fails: then the window says why and
     * runs {@code afterProblem}.
     */
    private void openSession(String what, BackgroundTasks.Work<Workspace> work, Runnable afterProblem) {
        if (opening) {
            return;
        }
        opening = true;
        mainView.showBusy(what);
        tasks.submit(BackgroundTasks.Lane.EDITS, work, opened -> {
            opening = false;
            showWorkspace(opened);
        }, error -> {
            opening = false;
            mainView.hideBusy();
            showSessionProblem(error);
            afterProblem.run();
        });
    }

    /** Writes the current session's labels in the background, then says what was written or why not. */
    private void exportLabelsTo(Path out, LabelsFile file) {
        Workspace session = workspace;
        tasks.submit(BackgroundTasks.Lane.IO, progress -> file.write(session, out), written -> {
            var text = new StringBuilder(String.format(Locale.ROOT, "%,d of your labels", written.human()));
            if (written.model() > 0) {
                text.append(String.format(Locale.ROOT,
                        " and the model's guesses for %,d other images (marked as the model's)", written.model()));
            }
            text.append(" to ").append(written.file()).append('.');
            if (!written.gone().isEmpty()) {
                text.append(String.format(Locale.ROOT,
                        "%n%n%,d labelled images are gone from the image folder; their labels are in the file.",
                        written.gone().size()));
            }
            if (!written.skipped().isEmpty()) {
                text.append(String.format(Locale.ROOT, "%n%nLeft out: %s",
                        String.join("; ", written.skipped())));
            }
            var info = new Alert(Alert.AlertType.INFORMATION, text.toString());
            info.initOwner(stage);
            info.setTitle("ActiveLabel");
            info.setHeaderText("Labels exported");
            info.showAndWait();
        }, error -> {
            var alert = new Alert(Alert.AlertType.ERROR, describe(error));
            alert.initOwner(stage);
            alert.setTitle("ActiveLabel");
            alert.setHeaderText("The labels were not exported");
            alert.showAndWait();
        });
    }

    /** Writes the current model as an ONNX classifier in the background, then says what was written or why not. */
    private void exportModelTo(Path out) {
        Workspace session = workspace;
        tasks.submit(BackgroundTasks.Lane.IO, progress -> ModelExport.write(session,
                        library.backboneDescriptor(session.backboneId()).orElseThrow(() -> new IOException(
                                "the backbone " + session.backboneId() + " of this session has no descriptor here")),
                        out),
                written -> {
                    var info = new Alert(Alert.AlertType.INFORMATION, written.provenance() + ".\n\n" + written.file()
                            + String.format(Locale.ROOT, " (%.1f MB) takes RGB images of %s",
                            written.bytes() / 1e6, String.join(", ", written.classes()))
                            + "; see the README for running it with onnxruntime.");
                    info.initOwner(stage);
                    info.setTitle("ActiveLabel");
                    info.setHeaderText("Model exported");
                    info.showAndWait();
                },
                error -> {
                    var alert = new Alert(Alert.AlertType.ERROR, describe(error));
                    alert.initOwner(stage);
                    alert.setTitle("ActiveLabel");
                    alert.setHeaderText("The model was not exported");
                    alert.showAndWait();
                });
    }

    /** Closes a workspace after the model work still running on it has stopped. */
    private void closeLater(Workspace old) {
        tasks.submit(BackgroundTasks.Lane.MODEL, progress -> {
            old.close();
            return null;
        }, done -> { }, error -> LOG.error("Closing {} failed", old.name(), error));
    }

    private void showSessionProblem(Throwable error) {
        var alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("ActiveLabel");
        alert.setHeaderText(error instanceof SessionProblem ? "That session cannot be used" : "Something went wrong");
        var text = new StringBuilder(describe(error));
        if (error instanceof SessionProblem problem && problem.where() != null) {
            text.append("\n\nWhere: ").append(problem.where());
        }
        text.append("\n\nNothing was changed; \"").append(workspace.name()).append("\" stays open.");
        alert.setContentText(text.toString());
        alert.getDialogPane().setMinWidth(520);
        alert.showAndWait();
        mainView.focusGrid();
    }

    private static String describe(Throwable error) {
        var message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private void showOpenFailure(Throwable error) {
        LOG.error("Could not open the workspace", error);
        var alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("ActiveLabel");
        alert.setHeaderText("The workspace could not be opened");
        var what = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            what.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()).append('\n');
        }
        var args = getParameters() == null ? null : getParameters().getRaw();
        if (args != null && !args.isEmpty()) {
            what.append("\nOpened with: ").append(String.join(" ", args));
        }
        what.append("\nWorking folder: ").append(System.getProperty("user.dir"));
        alert.setContentText(what.toString().strip());
        var trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        var details = new TextArea(trace.toString());
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        alert.showAndWait();
        stage.close();
    }

    /** Longest pauses of the FX thread since the window opened. */
    public FxStallMeter stallMeter() {
        return stallMeter;
    }

    public Optional<LabellingViewModel> viewModel() {
        return Optional.ofNullable(viewModel);
    }

    public Optional<MainView> mainView() {
        return Optional.ofNullable(mainView);
    }

    @Override
    public void stop() {
        shutDown();
    }

    private void shutDown() {
        if (closed) {
            return;
        }
        closed = true;
        stallMeter.stop();
        stopWatching();
        watchTimer.shutdownNow();
        if (reviewModel != null) {
            reviewModel.close();
        }
        if (viewModel != null) {
            viewModel.cancelUpdate();
            viewModel.dispose();
        }
        // labels still queued reach the journal before the workspace closes
        tasks.close();
        if (workspace != null) {
            try {
                workspace.close();
            } catch (RuntimeException e) {
                LOG.error("Closing the workspace failed", e);
            }
        }
        if (library != null) {
            library.close();
        }
        Platform.runLater(() -> { });
    }
}
