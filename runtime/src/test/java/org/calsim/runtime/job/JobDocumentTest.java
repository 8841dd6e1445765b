package org.calsim.runtime.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;

class JobDocumentTest {
    private static final String JOB = String.join("\n",
            "name: t",
            "recipe: {active_material: NMC622}",
            "calendering: {line_load_kN_per_m: 50}",
            "stages:",
            "  - use: empirical.porosity",
            "  - use: empirical.tortuosity",
            "    with: {alpha: 1.5}");

    @Test
    void overridesScalarsInMappingsAndLists() {
        ObjectNode job = JobDocument.parse(JOB, List.of("calendering.line_load_kN_per_m=120",
                "stages[1].with.alpha=1.8", "stages[0].with.model=compaction-factor", "seed=7"));
        assertEquals(120, job.at("/calendering/line_load_kN_per_m").intValue());
        assertEquals(1.8, job.at("/stages/1/with/alpha").doubleValue(), 0);
        assertEquals("compaction-factor", job.at("/stages/0/with/model").textValue());
        assertEquals(7, job.get("seed").intValue());
    }

    @Test
    void overrideOfAMissingListEntryIsAnError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JobDocument.parse(JOB, List.of("stages[5].with.alpha=1")));
        assertTrue(e.getMessage().contains("stages has 2 entries"), e.getMessage());
    }

    @Test
    void malformedYamlNamesTheLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JobDocument.parse("name: t\nrecipe: {a: 1\n", List.of()));
        assertTrue(e.field().startsWith("job file line"), e.field());
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThrows(InvalidInputException.class, () -> JobDocument.parse("name: a\nname: b\n", List.of()));
    }

    @Test
    void unknownTopLevelFieldIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JobSpec.read(JobDocument.parse(JOB + "\nstagse: []", List.of()), Path.of(".")));
        assertEquals("stagse", e.field());
    }

    @Test
    void jobNameMustBeUsableAsAFolderName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JobSpec.read(JobDocument.parse(JOB.replace("name: t", "name: ../x"), List.of()), Path.of(".")));
        assertEquals("name", e.field());
    }
}
