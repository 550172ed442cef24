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
    private int nodeCount;

    public OnnxGraph(String name) {
        this.name = name;
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
        proto.string(3, opType + "_" + nodeCount++).string(4, opType);
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

        var model = new ProtoWriter().varint(1, IR_VERSION).string(2, producer);
        model.message(7, graph);
        model.message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        new LinkedHashMap<>(metadata).forEach((key, value) ->
                model.message(14, new ProtoWriter().string(1, key).string(2, value)));
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
