package org.activelabel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: with no sub-command it opens the window; sub-commands serve scripting and measurement. */
@Command(name = "activelabel",
        mixinStandardHelpOptions = true,
        version = "ActiveLabel 0.1.0",
        description = "Label image collections with active learning.",
        subcommands = {SimulateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class ActiveLabelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int run(String[] args) {
        return new CommandLine(new ActiveLabelCommand()).execute(args);
    }
}
