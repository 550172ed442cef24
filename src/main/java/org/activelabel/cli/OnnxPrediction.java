package org.activelabel.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activelabel.deploy.OnnxClassifier;
import org.activelabel.image.DecodeResult;
import org.activelabel.image.ImageDecoder;
import org.activelabel.image.ImageScanner;
import org.activelabel.session.LabelExport;
import org.activelabel.session.LabelSource;

/** {@code predict --model}: labels a folder with an exported ONNX classifier, no session involved. */
final class OnnxPrediction {

    private static final int CHUNK = 64;

    private OnnxPrediction() {
    }

    static List<LabelExport.Row> predict(Path modelFile, Path images, PrintWriter err) throws IOException {
        var scan = ImageScanner.scan(images);
        scan.problems().forEach(p -> err.println("skipped " + p.relativePath() + ": " + p.reason()));
        var decoder = new ImageDecoder();
        var rows = new ArrayList<LabelExport.Row>();
        try (var classifier = OnnxClassifier.open(modelFile)) {
            var paths = scan.relativePaths().stream().sorted().toList();
            for (int start = 0; start < paths.size(); start += CHUNK) {
                var names = new ArrayList<String>();
                var prepared = new ArrayList<BufferedImage>();
                for (var path : paths.subList(start, Math.min(paths.size(), start + CHUNK))) {
                    var result = classifier.prepare(decoder, images.resolve(path));
                    if (result instanceof DecodeResult.Decoded decoded) {
                        names.add(path);
                        prepared.add(decoded.image());
                    } else {
                        err.println("skipped " + path + ": " + ((DecodeResult.Failed) result).reason());
                    }
                }
                float[][] probabilities = classifier.predict(prepared);
                for (int i = 0; i < names.size(); i++) {
                    int best = 0;
                    for (int k = 1; k < probabilities[i].length; k++) {
                        if (probabilities[i][k] > probabilities[i][best]) {
                            best = k;
                        }
                    }
                    rows.add(new LabelExport.Row(names.get(i), classifier.classes().get(best), LabelSource.MODEL,
                            probabilities[i][best]));
                }
            }
        }
        err.flush();
        return rows;
    }
}
