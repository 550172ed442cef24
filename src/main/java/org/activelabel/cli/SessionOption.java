package org.activelabel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every session command takes. */
final class SessionOption {

    @Option(names = "--session", required = true, paramLabel = "DIR", description = "The session folder")
    Path dir;

    @Option(names = "--backbone", paramLabel = "JSON|NAME",
            description = "Backbone descriptor or bundled backbone name, when the session was not made with the default one")
    Path backboneDescriptor;
}
