package org.calsim.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one JSON and YAML configuration of calsim: Jackson's defaults, on which every file calsim writes and reads
 * relies.
 * <ul>
 *   <li>Numbers: a double is written in the shortest form that reads back to the same bits; NaN and the infinities
 *   are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, and such strings read back as
 *   those doubles where a number is expected.</li>
 *   <li>Order: object fields keep the order in which they were put; a record or bean is written in declaration
 *   order.</li>
 *   <li>Files are written by {@link #pretty()} (indented, two spaces), answers and stored values by
 *   {@link #compact()}.</li>
 *   <li>Reading: unknown properties of a bound type fail ({@link #reader()}); a reader that must accept newer
 *   writers' fields derives one with
 *   {@code reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)}.</li>
 *   <li>YAML ({@link #yaml()}): a duplicate key is an error.</li>
 * </ul>
 * The readers and writers are immutable and thread-safe: share them; derive another configuration with their
 * {@code with}/{@code without} methods, which leave these unchanged. The mappers behind them are never handed out, so
 * that no bundle can reconfigure them for the others.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectReader YAML = new YAMLMapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    /** @return the JSON reader: trees and bound types, unknown properties failing */
    public static ObjectReader reader() {
        return READER;
    }

    /** @return the writer of JSON on one line (answers, stored values) */
    public static ObjectWriter compact() {
        return COMPACT;
    }

    /** @return the writer of JSON files: indented by two spaces, a field a line */
    public static ObjectWriter pretty() {
        return PRETTY;
    }

    /** @return the YAML reader (of which JSON is a subset): a duplicate key is an error */
    public static ObjectReader yaml() {
        return YAML;
    }

    /** @return a new, empty JSON object */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @return a new, empty JSON array */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * @return the tree of a JSON file; a missing node if the file is empty
     * @throws IOException if the file cannot be read or is not JSON
     */
    public static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    /** @return {@code value} as a tree, e.g. a {@code double[]} as an array of numbers */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * @return the tree bound to {@code type}, e.g. an array of numbers as a {@code double[]}
     * @throws IllegalArgumentException if it does not fit the type
     */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        return MAPPER.convertValue(tree, type);
    }
}
