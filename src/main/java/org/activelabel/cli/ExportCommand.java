package org.activelabel.cli;

import org.activelabel.session.LabelSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.activelabel.session.LabelExport;
import org.activelabel.session.OutputPaths;
import org.activelabel.session.interchange.LabelFiles;
import org.activelabel.session.interchange.LabelFormat;
import org.activelabel.workspace.LabelRows;
import org.activelabel.workspace.LabelsFile;
import org.activelabel.workspace.SessionWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the session's labels out.",
            "csv and jsonl: one row per image, fields " + LabelExport.CSV_HEADER + "; source is human for your"
                    + " labels and model for the current model's prediction of an unlabelled image (with its"
                    + " confidence). --human-only leaves the model rows out.",
            "imagefolder: hard links (or copies) of the labelled images in OUT/<class>/; human labels only unless"
                    + " --include-model. OUT must be new or empty and outside the image folder.",
            "labelstudio: Label Studio JSON tasks (human labels as annotations, the model's as predictions unless"
                    + " --human-only). huggingface: imagefolder metadata.jsonl (file_name, label); coco: COCO-style"
                    + " classification JSON; these two hold human labels only unless --include-model.",
            "A labelled image gone from the image folder keeps its label: it is exported and named on stderr"
                    + " (imagefolder, which needs the file, leaves it out)."})
final class ExportCommand implements Callable<Integer> {

    enum Format {
        csv(LabelsFile.CSV), jsonl(LabelsFile.JSONL), imagefolder(null), labelstudio(LabelsFile.LABEL_STUDIO),
        huggingface(null), coco(LabelsFile.COCO);

        /** The window's writer of the same one-file format; null for the two layouts only the command writes. */
        final LabelsFile file;

        Format(LabelsFile file) {
            this.file = file;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    SessionOption session;

    @Option(names = "--format", required = true,
            description = "csv, jsonl, imagefolder, labelstudio, huggingface or coco")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "File (csv, jsonl) or folder")
    Path out;

    @Option(names = "--include-model",
            description = "imagefolder, huggingface, coco: also the model's predictions of unlabelled images")
    boolean includeModel;

    @Option(names = "--human-only", description = "csv, jsonl, labelstudio: only your labels, no model rows")
    boolean humanOnly;

    @Override
    public Integer call() throws IOException {
        try (OpenSession open = OpenSession.open(session.dir, session.backboneDescriptor)) {
            var workspace = open.workspace();
            // Hugging Face's imagefolder keeps its metadata.jsonl among the images: that one name may go there
            boolean metadataBesideImages = format == Format.huggingface
                    && out.getFileName() != null && out.getFileName().toString().equals("metadata.jsonl");
            if (metadataBesideImages) {
                OutputPaths.requireOutside(out, "--out", session.dir);
            } else {
                OutputPaths.requireOutside(out, "--out", session.dir, workspace.imageRoot());
            }
            boolean withModel = format == Format.imagefolder || format == Format.huggingface || format == Format.coco
                    ? includeModel : !humanOnly;
            List<LabelExport.Row> rows = LabelRows.of(workspace, withModel);
            long human = rows.stream().filter(r -> r.source() == LabelSource.HUMAN).count();
            var stdout = spec.commandLine().getOut();
            var stderr = spec.commandLine().getErr();
            List<String> missing = LabelRows.gone(workspace);
            boolean filesNeeded = format == Format.imagefolder;
            missing.forEach(path -> stderr.println("missing " + path + ": the image is gone from the image folder; "
                    + (filesNeeded ? "its label is left out" : "its label is exported")));
            switch (format) {
                case imagefolder -> {
                    var result = LabelExport.writeImageFolder(out, workspace.imageRoot(), rows);
                    result.skipped().stream().filter(s -> missing.stream().noneMatch(m -> s.startsWith(m + ": ")))
                            .forEach(s -> stderr.println("skipped " + s));
                    stdout.printf("%d hard links, %d copies%n", result.linked(), result.copied());
                }
                case huggingface -> LabelFiles.write(LabelFormat.HUGGING_FACE, out, rows, workspace.imageRoot(),
                        workspace.classes()).skipped().forEach(s -> stderr.println("skipped " + s));
                default -> format.file.writeRows(out, rows, workspace.imageRoot(), workspace.classes())
                        .forEach(s -> stderr.println("skipped " + s));
            }
            stdout.printf("exported %d labels (%d human, %d model) to %s%n", rows.size(), human, rows.size() - human, out);
            if (!missing.isEmpty()) {
                stdout.printf("%d labelled image%s gone from the image folder (listed on stderr)%n", missing.size(),
                        missing.size() == 1 ? " is" : "s are");
            }
            stdout.flush();
        }
        return 0;
    }
}
