package org.activelabel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.activelabel.backbone.BackboneDescriptor;
import org.activelabel.session.DataFolder;
import org.activelabel.session.RecentSessions;
import org.activelabel.session.SessionException;
import org.activelabel.session.Session;
import org.activelabel.session.SessionClass;
import org.activelabel.workspace.Workspaces;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Creates a session folder for an image folder. Nothing is featurised yet: run featurize next.",
            "The session is added to the window's recent sessions, so the window opens it next time."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "The folder of images to label")
    Path images;

    @Option(names = "--session", required = true, paramLabel = "DIR", description = "The new session folder")
    Path session;

    @Option(names = "--name", description = "Session name (default: the session folder's name)")
    String name;

    @Option(names = "--backbone", paramLabel = "JSON|NAME",
            description = "Backbone descriptor, or a bundled backbone: default, accurate (default: default)")
    Path backboneDescriptor;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Classes classes;

    static final class Classes {
        @Option(names = "--classes", split = ",", paramLabel = "a,b,c", description = "Class names")
        List<String> names;

        @Option(names = "--classes-from-folders", description = "One class per sub-folder of --images")
        boolean fromFolders;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(images)) {
            throw new IllegalArgumentException(images + " is not a folder");
        }
        List<String> classNames = classes.fromFolders ? Workspaces.subFolderNames(images) : classes.names;
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException(images + " has no sub-folders to take class names from");
        }
        String backboneId = BackboneDescriptor.read(CliSupport.descriptorFile(backboneDescriptor)).id();
        Path dir = session.toAbsolutePath().normalize();
        String sessionName = name != null ? name : dir.getFileName().toString();
        try (Session created = Session.create(dir, sessionName, images, classNames, backboneId)) {
            var out = spec.commandLine().getOut();
            out.printf("created session \"%s\" in %s%n", created.name(), dir);
            out.printf("images: %s%n", created.imageRoot());
            out.printf("classes: %s%n", String.join(", ", created.classes().stream().map(SessionClass::name).toList()));
            out.flush();
        }
        try {
            new RecentSessions(DataFolder.get()).add(dir);
        } catch (SessionException e) {
            // the session is made and complete; only the window's list of recent sessions misses it
            var err = spec.commandLine().getErr();
            err.println("warning: " + e.getMessage() + "; the session was created, open it by its folder");
            err.flush();
        }
        return 0;
    }
}
