package org.activelabel.backbone.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An existing ONNX model read just deep enough to be embedded in a larger graph by {@link OnnxGraph#embed}:
 * its nodes, weights and value infos stay as their original bytes; only names, versions and metadata are decoded.
 */
public final class OnnxModel {

    /** A graph input or output: its name and its ValueInfoProto bytes. */
    record Value(String name, byte[] proto) {}

    private final long irVersion;
    private final Map<String, Long> opsets;
    final List<byte[]> opsetProtos = new ArrayList<>();
    final List<byte[]> functionProtos = new ArrayList<>();
    final List<byte[]> nodes = new ArrayList<>();
    final List<byte[]> initializers = new ArrayList<>();
    final List<byte[]> sparseInitializers = new ArrayList<>();
    final List<byte[]> valueInfos = new ArrayList<>();
    final List<Value> inputs = new ArrayList<>();
    final List<Value> outputs = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private OnnxModel(byte[] bytes, String source) {
        long ir = 0;
        var opsetVersions = new LinkedHashMap<String, Long>();
        byte[] graph = null;
        for (var field : ProtoReader.fields(bytes)) {
            switch (field.number()) {
                case 1 -> ir = field.varint();
                case 7 -> graph = field.payload();
                case 8 -> {
                    opsetProtos.add(field.payload());
                    String domain = "";
                    long version = 0;
                    for (var f : ProtoReader.fields(field.payload())) {
                        if (f.number() == 1) {
                            domain = f.text();
                        } else if (f.number() == 2) {
                            version = f.varint();
                        }
                    }
                    opsetVersions.put(domain, version);
                }
                case 14 -> {
                    String key = null;
                    String value = null;
                    for (var f : ProtoReader.fields(field.payload())) {
                        if (f.number() == 1) {
                            key = f.text();
                        } else if (f.number() == 2) {
                            value = f.text();
                        }
                    }
                    if (key != null) {
                        metadata.put(key, value == null ? "" : value);
                    }
                }
                case 25 -> functionProtos.add(field.payload());
                default -> { }
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException(source + ": not an ONNX model (no graph)");
        }
        for (var field : ProtoReader.fields(graph)) {
            switch (field.number()) {
                case 1 -> nodes.add(field.payload());
                case 5 -> {
                    if (external(field.payload())) {
                        throw new IllegalArgumentException(source + ": weights kept in external data files cannot be"
                                + " embedded; save the model with its weights inside the .onnx file");
                    }
                    initializers.add(field.payload());
                }
                case 15 -> sparseInitializers.add(field.payload());
                case 11 -> inputs.add(new Value(ProtoReader.firstText(field.payload(), 1), field.payload()));
                case 12 -> outputs.add(new Value(ProtoReader.firstText(field.payload(), 1), field.payload()));
                case 13 -> valueInfos.add(field.payload());
                default -> { }
            }
        }
        this.irVersion = ir;
        this.opsets = Map.copyOf(opsetVersions);
    }

    public static OnnxModel read(Path file) throws IOException {
        try {
            return new OnnxModel(Files.readAllBytes(file), file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": cannot read ONNX model: " + e.getMessage(), e);
        }
    }

    public static OnnxModel parse(byte[] bytes) {
        return new OnnxModel(bytes, "model");
    }

    public long irVersion() {
        return irVersion;
    }

    /** Operator set version per domain ("" is the default ONNX domain). */
    public Map<String, Long> opsets() {
        return opsets;
    }

    public List<String> inputNames() {
        return inputs.stream().map(Value::name).toList();
    }

    public List<String> outputNames() {
        return outputs.stream().map(Value::name).toList();
    }

    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    /** TensorProto field 14, data_location: 1 means EXTERNAL. */
    private static boolean external(byte[] tensor) {
        for (var f : ProtoReader.fields(tensor)) {
            if (f.number() == 14 && f.wireType() == 0 && f.varint() == 1) {
                return true;
            }
        }
        return false;
    }
}
