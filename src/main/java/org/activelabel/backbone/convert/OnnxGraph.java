package org.activelabel.backbone.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an ONNX model (float32 tensors only) and encodes it as protobuf bytes by hand,
 * following onnx.proto field numbers, so no protobuf or ONNX library is needed.
 */
public final class OnnxGraph {

    /** ir_version 7 goes with opset 13. */
    public static final long IR_VERSION = 7;
    public static final long OPSET = 13;

    private static final int FLOAT = 1;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_INTS = 7;

    /** One dimension of a graph input or output: a fixed size or a symbolic name. */
    public record Dim(long size, String symbol) {
        public static Dim fixed(long size) {
            return new Dim(size, null);
        }

        public static Dim named(String symbol) {
            return new Dim(-1, symbol);
        }
    }

    private final String name;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private final List<ProtoWriter> sparseInitializers = new ArrayList<>();
    private final List<ProtoWriter> valueInfos = new ArrayList<>();
    private OnnxModel embedded;
    private String nodePrefix = "";
    private int nodeCount;

    public OnnxGraph(String name) {
        this.name = name;
    }

    /** Names this graph's own nodes {@code prefix + opType + "_" + n}, so they cannot clash with an embedded model's. */
    public OnnxGraph nodeNamePrefix(String prefix) {
        this.nodePrefix = prefix;
        return this;
    }

    /**
     * Copies the nodes and weights of {@code model} into this graph. Its input {@code fedInput} is dropped: a node
     * of this graph must produce a tensor of that name. Its outputs become intermediate tensors for this graph's
     * nodes to read. The written model keeps {@code model}'s IR version, operator sets and functions, so the nodes
     * added here must be valid in those versions.
     */
    public OnnxGraph embed(OnnxModel model, String fedInput) {
        if (embedded != null) {
            throw new IllegalStateException("one model can be embedded, not two");
        }
        if (!model.inputNames().contains(fedInput)) {
            throw new IllegalArgumentException("the model has no input " + fedInput + ", only " + model.inputNames());
        }
        embedded = model;
        model.nodes.forEach(n -> nodes.add(ProtoWriter.raw(n)));
        model.initializers.forEach(t -> initializers.add(ProtoWriter.raw(t)));
        model.sparseInitializers.forEach(t -> sparseInitializers.add(ProtoWriter.raw(t)));
        model.valueInfos.forEach(v -> valueInfos.add(ProtoWriter.raw(v)));
        model.inputs.stream().filter(v -> !v.name().equals(fedInput)).forEach(v -> inputs.add(ProtoWriter.raw(v.proto())));
        return this;
    }

    public OnnxGraph input(String tensor, Dim... dims) {
        inputs.add(valueInfo(tensor, dims));
        return this;
    }

    public OnnxGraph output(String tensor, Dim... dims) {
        outputs.add(valueInfo(tensor, dims));
        return this;
    }

    /** A constant float tensor; {@code dims} empty means a scalar. */
    public OnnxGraph initializer(String tensor, long[] dims, float[] values) {
        var bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        var proto = new ProtoWriter();
        for (long dim : dims) {
            proto.varint(1, dim);
        }
        proto.varint(2, FLOAT).string(8, tensor).bytes(9, bytes.array());
        initializers.add(proto);
        return this;
    }

    public OnnxGraph node(String opType, List<String> nodeInputs, List<String> nodeOutputs, OnnxAttribute... attributes) {
        var proto = new ProtoWriter();
        nodeInputs.forEach(in -> proto.string(1, in));
        nodeOutputs.forEach(out -> proto.string(2, out));
        proto.string(3, nodePrefix + opType + "_" + nodeCount++).string(4, opType);
        for (var attribute : attributes) {
            proto.message(5, attribute(attribute));
        }
        nodes.add(proto);
        return this;
    }

    /** The complete ModelProto. */
    public byte[] toModelBytes(String producer, Map<String, String> metadata) {
        var graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        valueInfos.forEach(v -> graph.message(13, v));
        sparseInitializers.forEach(t -> graph.message(15, t));

        var model = new ProtoWriter().varint(1, embedded != null ? embedded.irVersion() : IR_VERSION).string(2, producer);
        model.message(7, graph);
        if (embedded != null) {
            embedded.opsetProtos.forEach(o -> model.message(8, ProtoWriter.raw(o)));
        } else {
            model.message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        }
        new LinkedHashMap<>(metadata).forEach((key, value) ->
                model.message(14, new ProtoWriter().string(1, key).string(2, value)));
        if (embedded != null) {
            embedded.functionProtos.forEach(f -> model.message(25, ProtoWriter.raw(f)));
        }
        return model.toByteArray();
    }

    private static ProtoWriter valueInfo(String tensor, Dim... dims) {
        var shape = new ProtoWriter();
        for (var dim : dims) {
            var d = new ProtoWriter();
            if (dim.symbol() != null) {
                d.string(2, dim.symbol());
            } else {
                d.varint(1, dim.size());
            }
            shape.message(1, d);
        }
        var tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        var type = new ProtoWriter().message(1, tensorType);
        return new ProtoWriter().string(1, tensor).message(2, type);
    }

    private static ProtoWriter attribute(OnnxAttribute attribute) {
        var proto = new ProtoWriter().string(1, attribute.name());
        // Java 17 has no pattern switch; the interface is sealed, so this chain is complete.
        if (attribute instanceof OnnxAttribute.Int a) {
            proto.varint(3, a.value()).varint(20, ATTR_INT);
        } else if (attribute instanceof OnnxAttribute.Ints a) {
            a.values().forEach(v -> proto.varint(8, v));
            proto.varint(20, ATTR_INTS);
        } else if (attribute instanceof OnnxAttribute.Float a) {
            proto.float32(2, a.value()).varint(20, ATTR_FLOAT);
        } else if (attribute instanceof OnnxAttribute.Text a) {
            proto.string(4, a.value()).varint(20, ATTR_STRING);
        }
        return proto;
    }
}
