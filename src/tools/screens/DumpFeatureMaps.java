import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import org.activelabel.backbone.OnnxBackbone;
import org.activelabel.image.DecodeResult;
import org.activelabel.image.ImageDecoder;
import org.activelabel.image.Resizer;

/**
 * Writes what a backbone outputs for every image of a class-per-folder set, decoded and resized as the app does:
 * OUT.f32 (images x featureDim float32, little-endian) and OUT.txt (class index, tab, relative path per image).
 * With a descriptor whose output is a raw map ("pool": "none", featureDim = channels x height x width) it writes the
 * maps, which is what the screens here read.
 *
 * usage: java -cp target/activelabel.jar src/tools/screens/DumpFeatureMaps.java DESCRIPTOR IMAGE_FOLDER OUT
 */
public class DumpFeatureMaps {
    public static void main(String[] args) throws Exception {
        Path descriptor = Path.of(args[0]), root = Path.of(args[1]);
        String out = args[2];
        var classes = new ArrayList<Path>();
        try (var folders = Files.list(root)) {
            folders.filter(Files::isDirectory).sorted().forEach(classes::add);
        }
        var files = new ArrayList<Path>();
        var labels = new ArrayList<Integer>();
        for (int c = 0; c < classes.size(); c++) {
            try (var images = Files.list(classes.get(c))) {
                for (var file : images.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(file);
                    labels.add(c);
                }
            }
        }
        var decoder = new ImageDecoder();
        try (var backbone = OnnxBackbone.open(descriptor, 2);
             var data = FileChannel.open(Path.of(out + ".f32"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             var index = new PrintWriter(out + ".txt")) {
            for (int start = 0; start < files.size(); start += OnnxBackbone.MAX_BATCH) {
                var batch = new ArrayList<BufferedImage>();
                for (int i = start; i < Math.min(files.size(), start + OnnxBackbone.MAX_BATCH); i++) {
                    var decoded = decoder.decodeToCover(files.get(i), backbone.inputWidth(), backbone.inputHeight());
                    if (!(decoded instanceof DecodeResult.Decoded image)) {
                        throw new IllegalStateException(files.get(i) + ": " + ((DecodeResult.Failed) decoded).reason());
                    }
                    batch.add(Resizer.toSquareInput(image.image(), backbone.inputWidth(), backbone.inputHeight()));
                    index.println(labels.get(i) + "\t" + root.relativize(files.get(i)));
                }
                float[][] vectors = backbone.embed(batch);
                var bytes = ByteBuffer.allocate(vectors.length * vectors[0].length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (var vector : vectors) {
                    for (float v : vector) {
                        bytes.putFloat(v);
                    }
                }
                bytes.flip();
                while (bytes.hasRemaining()) {
                    data.write(bytes);
                }
            }
        }
    }
}
