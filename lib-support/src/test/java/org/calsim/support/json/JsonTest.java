package org.calsim.support.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    record Point(String name, double x) {
    }

    @Test
    void filesAreIndentedInInsertionOrderAndNaNIsAString() throws IOException {
        ObjectNode n = Json.object().put("b", 1).put("a", Double.NaN);
        n.set("x", Json.tree(new double[] {0.1, 2}));
        assertEquals("{\n  \"b\" : 1,\n  \"a\" : \"NaN\",\n  \"x\" : [ 0.1, 2.0 ]\n}",
                Json.pretty().writeValueAsString(n).replace(System.lineSeparator(), "\n"));
        assertEquals("{\"b\":1,\"a\":\"NaN\",\"x\":[0.1,2.0]}", Json.compact().writeValueAsString(n));
    }

    @Test
    void numbersReadBackToTheSameBits(@TempDir Path dir) throws IOException {
        double[] x = {Math.PI, 1e-300, Double.NaN, Double.NEGATIVE_INFINITY};
        Path file = dir.resolve("x.json");
        Files.write(file, Json.pretty().writeValueAsBytes(Json.tree(x)));
        double[] back = Json.convert(Json.read(file), double[].class);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(x[i]), Double.doubleToLongBits(back[i]));
        }
    }

    @Test
    void unknownPropertiesFailUnlessAReaderAllowsThem() throws IOException {
        String json = "{\"name\":\"p\",\"x\":1.5,\"newer\":true}";
        assertThrows(UnrecognizedPropertyException.class, () -> Json.reader().forType(Point.class).readValue(json));
        Point p = Json.reader().forType(Point.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        assertEquals(new Point("p", 1.5), p);
    }

    @Test
    void yamlRefusesDuplicateKeys() throws IOException {
        JsonNode job = Json.yaml().readTree("name: a\nstages: [1, 2]\n");
        assertEquals("a", job.path("name").asText());
        assertEquals(2, job.path("stages").size());
        assertThrows(JsonProcessingException.class, () -> Json.yaml().readTree("name: a\nname: b\n"));
        assertTrue(Json.yaml().readTree("").isMissingNode());
    }
}
