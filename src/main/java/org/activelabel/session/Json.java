package org.activelabel.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The one JSON configuration of the session files, and readers of tree fields that say what is wrong. */
final class Json {

    /** Tree model only: no data binding, so nothing in a file can pick a Java type. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** One line: Jackson's message without its source dump, plus line and column. */
    static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "invalid JSON" + where + ": " + firstLine(e.getOriginalMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson points at where an array or object began; without the source text that is noise.
        return line.replaceAll(" \\(start marker at \\[Source: [^\\]]*\\]\\)", "");
    }

    /** A field that is not there or has the wrong type: the message is the field name and what it should be. */
    static final class FieldException extends RuntimeException {
        FieldException(String message) {
            super(message);
        }
    }

    static JsonNode required(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new FieldException("missing \"" + field + "\"");
        }
        return value;
    }

    static String text(JsonNode object, String field) {
        JsonNode value = required(object, field);
        if (!value.isTextual()) {
            throw new FieldException("\"" + field + "\" must be a string, found " + value);
        }
        return value.asText();
    }

    static int integer(JsonNode object, String field) {
        JsonNode value = required(object, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new FieldException("\"" + field + "\" must be an integer, found " + value);
        }
        return value.intValue();
    }

    static long longInteger(JsonNode object, String field) {
        JsonNode value = required(object, field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new FieldException("\"" + field + "\" must be an integer, found " + value);
        }
        return value.longValue();
    }

    static boolean bool(JsonNode object, String field) {
        JsonNode value = required(object, field);
        if (!value.isBoolean()) {
            throw new FieldException("\"" + field + "\" must be true or false, found " + value);
        }
        return value.booleanValue();
    }

    static Instant instant(JsonNode object, String field) {
        String text = text(object, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldException("\"" + field + "\" is not an ISO-8601 instant: \"" + text + "\"");
        }
    }
}
