package org.activelabel.backbone.convert;

import java.util.List;

/** A node attribute of an ONNX graph; the four kinds the converter and tests use. */
public sealed interface OnnxAttribute {

    String name();

    record Int(String name, long value) implements OnnxAttribute {}

    record Ints(String name, List<Long> values) implements OnnxAttribute {
        public Ints {
            values = List.copyOf(values);
        }
    }

    record Float(String name, float value) implements OnnxAttribute {}

    record Text(String name, String value) implements OnnxAttribute {}

    static Int of(String name, long value) {
        return new Int(name, value);
    }

    static Ints of(String name, long... values) {
        return new Ints(name, java.util.Arrays.stream(values).boxed().toList());
    }

    static Float of(String name, float value) {
        return new Float(name, value);
    }

    static Text of(String name, String value) {
        return new Text(name, value);
    }
}
