package org.activelabel.backbone.convert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits protobuf bytes into their top-level fields, each kept as its exact encoding, so a model
 * can be copied into another one field by field without a schema or a protobuf library.
 */
final class ProtoReader {

    /** One field: its number, wire type, the value (a varint, or the payload of a length-delimited field) and its full encoding. */
    record Field(int number, int wireType, long varint, byte[] payload, byte[] encoded) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private ProtoReader() {
    }

    static List<Field> fields(byte[] bytes) {
        var fields = new ArrayList<Field>();
        int[] position = {0};
        while (position[0] < bytes.length) {
            int start = position[0];
            long tag = varint(bytes, position);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            long value = 0;
            byte[] payload = null;
            switch (wireType) {
                case 0 -> value = varint(bytes, position);
                case 1 -> position[0] += 8;
                case 5 -> position[0] += 4;
                case 2 -> {
                    long length = varint(bytes, position);
                    if (length < 0 || position[0] + length > bytes.length) {
                        throw new IllegalArgumentException("truncated protobuf field " + number + " at byte " + start);
                    }
                    payload = Arrays.copyOfRange(bytes, position[0], position[0] + (int) length);
                    position[0] += (int) length;
                }
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType
                        + " at byte " + start);
            }
            if (position[0] > bytes.length) {
                throw new IllegalArgumentException("truncated protobuf field " + number + " at byte " + start);
            }
            fields.add(new Field(number, wireType, value, payload, Arrays.copyOfRange(bytes, start, position[0])));
        }
        return fields;
    }

    /** The text of the first length-delimited field {@code number} of a message, or null. */
    static String firstText(byte[] message, int number) {
        for (var field : fields(message)) {
            if (field.number() == number && field.wireType() == 2) {
                return field.text();
            }
        }
        return null;
    }

    private static long varint(byte[] bytes, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= bytes.length) {
                throw new IllegalArgumentException("truncated protobuf varint");
            }
            int b = bytes[position[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed protobuf varint");
    }
}
