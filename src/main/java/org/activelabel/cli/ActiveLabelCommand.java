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
        var commandLine = new CommandLine(new ActiveLabelCommand());
        // picocli hands only Exceptions to the handler: an Error (out of memory, a stack overflow on odd input)
        // would print a raw stack trace, so it is passed on as one
        commandLine.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), describe(e), e);
            }
        });
        return commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            LOG.debug("command failed", e);
            failed.getErr().println("error: " + describe(e));
            failed.getErr().flush();
            return 1;
        });
    }

    /** One line a person can act on; the messages of this code base already name the file. */
    static String describe(Throwable e) {
        Throwable cause = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
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
            message = "out of memory (" + message + "); the input is too large for this machine, or give Java more"
                    + " with -Xmx";
        } else if (cause instanceof StackOverflowError) {
            message = "the input is nested too deeply to process (stack overflow)";
        }
        return message.replace('\n', ' ');
    }
}
