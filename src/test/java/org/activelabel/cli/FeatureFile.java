package org.activelabel.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads the feature cache file independently of FeatureStore: how many vector records each path has. */
final class FeatureFile {

    private FeatureFile() {
    }

    static Map<String, Integer> vectorsByPath(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        Map<String, Integer> counts = new HashMap<>();
        if (in.remaining() < 14) {
            return counts;
        }
        in.position(8 + 4);
        int idLength = Short.toUnsignedInt(in.getShort());
        in.position(in.position() + idLength);
        while (in.remaining() >= 4) {
            int payload = in.getInt();
            if (in.remaining() < payload + 4) {
                break; // a record cut short by the kill
            }
            int start = in.position();
            byte kind = in.get();
            in.position(start + 17);
            byte[] path = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(path);
            if (kind == 1) {
                counts.merge(new String(path, StandardCharsets.UTF_8), 1, Integer::sum);
            }
            in.position(start + payload + 4);
        }
        return counts;
    }
}
