package org.activelabel.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.activelabel.app.AppVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: with no sub-command it opens the window; sub-commands serve scripting and measurement. */
@Command(name = "activelabel",
        mixinStandardHelpOptions = true,
        versionProvider = ActiveLabelCommand.Version.class,
        description = "Label image collections with active learning.",
        subcommands = {InitCommand.class, FeaturizeCommand.class, ImportCommand.class, TrainCommand.class,
            RankCommand.class, ExportCommand.class, ExportModelCommand.class, PredictCommand.class, SimulateCommand.class, BenchCommand.class,
            PlotCommand.class, CommandLine.HelpCommand.class})
public final class ActiveLabelCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveLabelCommand.class);

    /** {@code --version}: the pom's version, as the build wrote it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppVersion.nameAndVersion()};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    /** The command line with its error handling: a failed command prints one line, "error: ...", and exits 1. */
    public static CommandLine commandLine() {
        return new CommandLine(new ActiveLabelCommand()).setExecutionExceptionHandler((e, commandLine, parsed) -> {
            LOG.debug("command failed", e);
            commandLine.getErr().println("error: " + describe(e));
            commandLine.getErr().flush();
            return 1;
        });
    }

    /** One line a person can act on; the messages of this code base already name the file. */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof java.io.UncheckedIOException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof NoSuchFileException) {
            message = "no such file or folder: " + message;
        } else if (cause instanceof AccessDeniedException) {
            message = "permission denied: " + message;
        } else if (cause instanceof OutOfMemoryError) {
            message = "out of memory (" + message + "); give Java more with -Xmx";
        }
        return message.replace('\n', ' ');
    }
}
