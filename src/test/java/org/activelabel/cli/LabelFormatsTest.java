package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activelabel.testing.SampleImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels leave in other tools' formats and come back into a new session unchanged; bad entries are reported. */
class LabelFormatsTest {

    static final List<String> CLASSES = List.of("activities", "flags", "food-drink");

    @TempDir
    static Path sessionsRoot;

    @TempDir
    Path temp;

    @BeforeAll
    static void recentSessionsInTemp() {
        System.setProperty("activelabel.sessions", sessionsRoot.toString());
    }

    @Test
    void eachFormatRoundTripsTheLabelsIntoANewSession() throws Exception {
        Path images = SampleImages.copy(temp.resolve("images"), CLASSES, 5);
        Files.move(images.resolve("flags").resolve(Files.list(images.resolve("flags")).sorted().findFirst().orElseThrow()
                .getFileName()), images.resolve("flags").resolve("a flag, with \"quotes\" & spaces.png"));
        String original = temp.resolve("original").toString();
        Cli.ok("init", "--images", images.toString(), "--session", original, "--classes", String.join(",", CLASSES));
        var csv = new StringBuilder("path,label\n");
        for (String c : CLASSES) {
            try (Stream<Path> files = Files.list(images.resolve(c))) {
                files.sorted().limit(3).forEach(f -> csv.append(LabelExportCsv.field(c + "/" + f.getFileName()))
                        .append(',').append(c).append('\n'));
            }
        }
        csv.append("flags/missing.png,flags\n"); // not an image of the session: refused, as today
        Cli.ok("import", "--session", original, "--csv", Files.writeString(temp.resolve("labels.csv"), csv).toString());
        Path expected = temp.resolve("expected.csv");
        Cli.ok("export", "--session", original, "--format", "csv", "--human-only", "--out", expected.toString());
        assertEquals(1 + 9, Files.readAllLines(expected).size());

        for (String format : List.of("labelstudio", "huggingface", "coco")) {
            Path file = temp.resolve("labels-" + format + (format.equals("huggingface") ? ".jsonl" : ".json"));
            Cli.ok("export", "--session", original, "--format", format, "--out", file.toString());
            String copy = temp.resolve("copy-" + format).toString();
            Cli.ok("init", "--images", images.toString(), "--session", copy, "--classes", String.join(",", CLASSES));
            Cli imported = Cli.ok("import", "--session", copy, "--" + format, file.toString());
            assertTrue(imported.out().startsWith("imported 9 labels, 0 already so, 0 rows refused"), imported::toString);
            Path roundTrip = temp.resolve("round-trip-" + format + ".csv");
            Cli.ok("export", "--session", copy, "--format", "csv", "--human-only", "--out", roundTrip.toString());
            assertEquals(Files.readAllLines(expected), Files.readAllLines(roundTrip), format);
            assertTrue(Cli.ok("import", "--session", copy, "--" + format, file.toString()).out()
                    .startsWith("imported 0 labels, 9 already so"), format + ": importing twice changes nothing");
        }
    }

    @Test
    void huggingFaceMetadataInsideTheImageFolderNamesFilesRelativeToItsFolder() throws Exception {
        Path images = SampleImages.copy(temp.resolve("images"), CLASSES, 2);
        String session = temp.resolve("session").toString();
        Cli.ok("init", "--images", images.toString(), "--session", session, "--classes-from-folders");
        Cli.ok("import", "--session", session, "--imagefolder", images.toString());
        Path metadata = images.resolve("flags").resolve("metadata.jsonl");
        Cli exported = Cli.ok("export", "--session", session, "--format", "huggingface", "--out", metadata.toString());
        assertEquals(4, exported.err().lines().filter(l -> l.startsWith("skipped ")).count(), exported::toString);
        List<String> lines = Files.readAllLines(metadata);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).matches("\\{\"file_name\":\"[^/]+\\.png\",\"label\":\"flags\"}"), lines.get(0));
        String copy = temp.resolve("copy").toString();
        Cli.ok("init", "--images", images.toString(), "--session", copy, "--classes-from-folders");
        assertTrue(Cli.ok("import", "--session", copy, "--huggingface", metadata.toString()).out()
                .startsWith("imported 2 labels"));
    }

    @Test
    void imagesAddressedFromAnotherRootAreFoundByTheirTail() throws Exception {
        Path images = SampleImages.copy(temp.resolve("images"), CLASSES, 1);
        String session = temp.resolve("session").toString();
        Cli.ok("init", "--images", images.toString(), "--session", session, "--classes", String.join(",", CLASSES));
        String activity;
        String flag;
        try (Stream<Path> a = Files.list(images.resolve("activities")); Stream<Path> f = Files.list(images.resolve("flags"))) {
            activity = "activities/" + a.findFirst().orElseThrow().getFileName();
            flag = "flags/" + f.findFirst().orElseThrow().getFileName();
        }
        Path studio = Files.writeString(temp.resolve("studio.json"), """
                [{"data": {"image": "http://localhost:8080/data/local-files/?d=photos/2024/%s"}, "annotations": [{"result": [
                   {"type": "choices", "value": {"choices": ["activities"]}}]}]}]
                """.formatted(activity));
        assertTrue(Cli.ok("import", "--session", session, "--labelstudio", studio.toString()).out().startsWith("imported 1 labels"));
        Path coco = Files.writeString(temp.resolve("coco.json"), """
                {"images": [{"id": 1, "file_name": "/mnt/elsewhere/%s"}], "categories": [{"id": 1, "name": "flags"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1}]}
                """.formatted(flag));
        assertTrue(Cli.ok("import", "--session", session, "--coco", coco.toString()).out().startsWith("imported 1 labels"));
        Path exported = temp.resolve("labels.csv");
        Cli.ok("export", "--session", session, "--format", "csv", "--human-only", "--out", exported.toString());
        assertEquals(List.of("path,label,source,confidence", activity + ",activities,human,", flag + ",flags,human,"),
                Files.readAllLines(exported));
    }

    @Test
    void badEntriesAreReportedAndTheGoodOnesImported() throws Exception {
        Path images = SampleImages.copy(temp.resolve("images"), CLASSES, 2);
        String session = temp.resolve("session").toString();
        Cli.ok("init", "--images", images.toString(), "--session", session, "--classes", String.join(",", CLASSES));
        List<String> a;
        try (Stream<Path> files = Files.list(images.resolve("activities"))) {
            a = files.sorted().map(f -> "activities/" + f.getFileName()).toList();
        }
        List<String> f;
        try (Stream<Path> files = Files.list(images.resolve("flags"))) {
            f = files.sorted().map(p -> "flags/" + p.getFileName()).toList();
        }

        Path studio = Files.writeString(temp.resolve("studio.json"), """
                [
                 {"data": {"image": "/data/local-files/?d=%s"}, "annotations": [{"result": [
                   {"type": "choices", "from_name": "label", "to_name": "image", "value": {"choices": ["activities"]}}]}]},
                 {"data": {"image": "/data/local-files/?d=%s"}, "annotations": [{"result": [
                   {"type": "choices", "value": {"choices": ["activities", "flags"]}}]}]},
                 {"data": {"image": "/data/local-files/?d=%s"}, "annotations": [{"result": [
                   {"type": "choices", "value": {"choices": ["dogs"]}}]}]},
                 {"data": {"image": "/data/local-files/?d=nowhere/x.png"}, "annotations": [{"result": [
                   {"type": "choices", "value": {"choices": ["flags"]}}]}]},
                 {"data": {"image": "/data/local-files/?d=%s"}, "predictions": [{"result": [
                   {"type": "choices", "value": {"choices": ["flags"]}}]}]},
                 {"data": {"image": "/data/local-files/?d=%s"}, "annotations": [{"result": [
                   {"type": "choices", "value": {"choices": ["flags"]}}]}]},
                 {"data": {"image": "/data/local-files/?d=%s"}, "annotations": [{"result": [
                   {"type": "choices", "value": {"choices": ["food-drink"]}}]}]}
                ]
                """.formatted(a.get(0), a.get(1), f.get(1), f.get(1), f.get(0).replace(" ", "%20"), f.get(0)));
        Cli imported = Cli.run("import", "--session", session, "--labelstudio", studio.toString());
        assertEquals(0, imported.code(), imported::toString);
        assertTrue(imported.out().startsWith("imported 1 labels, 0 already so, 5 rows refused"), imported::toString);
        String err = imported.err();
        assertTrue(err.contains("task 2: more than one choice [activities, flags]"), err);
        assertTrue(err.contains("task 3: unknown class \"dogs\""), err);
        assertTrue(err.contains("\"nowhere/x.png\": task 4: not an image of the session"), err);
        assertTrue(err.contains("task 6: conflicting labels: \"flags\" here, \"food-drink\" in task 7"), err);

        Path hf = Files.writeString(temp.resolve("metadata.jsonl"), """
                {"file_name": "%s", "label": "flags"}
                {"file_name": "%s", "label": 3}
                not json
                {"file_name": "%s", "label": "flags", "source": "model", "confidence": 0.9}
                """.formatted(f.get(1), f.get(0), a.get(1)));
        imported = Cli.run("import", "--session", session, "--huggingface", hf.toString());
        assertTrue(imported.out().startsWith("imported 1 labels, 0 already so, 2 rows refused"), imported::toString);
        assertTrue(imported.err().contains("line 2: \"" + f.get(0) + "\": \"label\" is 3, not a class name"), imported::toString);
        assertTrue(imported.err().contains("line 3: not a JSON object"), imported::toString);

        Path coco = Files.writeString(temp.resolve("coco.json"), """
                {"images": [{"id": 1, "file_name": "%s"}, {"id": 2, "file_name": "%s"}],
                 "categories": [{"id": 7, "name": "food-drink"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 9}, {"id": 2, "image_id": 5, "category_id": 7},
                                 {"id": 3, "image_id": 2, "category_id": 7, "score": 0.8}]}
                """.formatted(a.get(1), f.get(0)));
        imported = Cli.run("import", "--session", session, "--coco", coco.toString());
        assertEquals(1, imported.code(), "every row refused: " + imported);
        assertTrue(imported.err().contains("annotation 1: no category with id 9"), imported::toString);
        assertTrue(imported.err().contains("annotation 2: no image with id 5"), imported::toString);

        Cli notCoco = Cli.run("import", "--session", session, "--coco", studio.toString());
        assertEquals(1, notCoco.code());
        assertTrue(notCoco.err().contains("not a COCO JSON file"), notCoco::toString);
    }

    /** CSV quoting for the test's own input file. */
    private static final class LabelExportCsv {
        static String field(String value) {
            return org.activelabel.session.LabelExport.csvField(value);
        }
    }
}
