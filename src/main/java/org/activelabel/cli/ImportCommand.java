package org.activelabel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.activelabel.session.LabelExport;
import org.activelabel.session.LabelImport;
import org.activelabel.session.Session;
import org.activelabel.session.SessionException;
import org.activelabel.session.interchange.LabelFiles;
import org.activelabel.session.interchange.LabelFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Adds human labels from a CSV, an ImageFolder, or another tool's file (Label Studio JSON,"
                + " Hugging Face metadata.jsonl, COCO JSON). Each bad row is reported on stderr and left"
                + " out; the good rows go in, durably, in one write.",
            "CSV: UTF-8, header \"" + LabelImport.CSV_HEADER + "\", paths relative to the session's image folder,"
                    + " using '/'. An export's CSV (" + LabelExport.CSV_HEADER + ") imports too: its human rows."
                    + " ImageFolder: DIR/<class>/<image>, DIR being the image folder or inside it.",
            "Exits 0 when at least one row was good or nothing had to change, 1 when every row was refused."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--session", required = true, paramLabel = "DIR", description = "The session folder")
    Path sessionDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--csv", paramLabel = "FILE", description = "CSV file: " + LabelImport.CSV_HEADER)
        Path csv;

        @Option(names = "--imagefolder", paramLabel = "DIR", description = "Folder of one sub-folder per class")
        Path imageFolder;

        @Option(names = "--labelstudio", paramLabel = "FILE.json", description = "Label Studio JSON export (choices)")
        Path labelStudio;

        @Option(names = "--huggingface", paramLabel = "metadata.jsonl",
                description = "Hugging Face imagefolder metadata (file_name, label)")
        Path huggingFace;

        @Option(names = "--coco", paramLabel = "FILE.json", description = "COCO-style classification JSON")
        Path coco;

        Path file() {
            return csv != null ? csv : imageFolder != null ? imageFolder : labelStudio != null ? labelStudio
                    : huggingFace != null ? huggingFace : coco;
        }

        LabelFormat format() {
            return labelStudio != null ? LabelFormat.LABEL_STUDIO : huggingFace != null ? LabelFormat.HUGGING_FACE
                    : LabelFormat.COCO;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (!java.nio.file.Files.isDirectory(sessionDir)) {
            throw new SessionException("no session in " + sessionDir + ": no such folder");
        }
        try (Session session = Session.open(sessionDir)) {
            var importer = LabelImport.forSession(session, Instant.now());
            var result = source.csv != null ? importer.fromCsv(source.csv)
                    : source.imageFolder != null ? importer.fromImageFolder(source.imageFolder, session.imageRoot())
                    : LabelFiles.read(source.format(), source.file(), session.imageRoot(), importer);
            var err = spec.commandLine().getErr();
            String from = source.file().toString();
            for (var problem : result.problems()) {
                err.println(from + ": " + problem.describe());
            }
            err.flush();
            session.appendLabels(result.events());
            var out = spec.commandLine().getOut();
            out.printf("imported %d labels, %d already so, %d rows refused%s%n", result.events().size(),
                    result.unchanged(), result.problems().size(), result.modelRows() == 0 ? ""
                            : ", " + result.modelRows() + " model predictions left out (only human labels are imported)");
            out.flush();
            if (result.events().isEmpty() && result.unchanged() == 0 && !result.problems().isEmpty()) {
                err.println("error: no row of " + from + " could be imported");
                return 1;
            }
            return 0;
        }
    }
}
