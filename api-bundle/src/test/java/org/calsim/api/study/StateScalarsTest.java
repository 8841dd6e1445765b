package org.calsim.api.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.stage.Key;
import org.calsim.api.transport.EffectiveProperties;
import org.junit.jupiter.api.Test;

class StateScalarsTest {

    @Test
    void recordsFlattenToNamedScalarsAndAssembleBack() {
        StateScalars.Entry<?> e = StateScalars.entry(EffectiveProperties.KEY).orElseThrow();
        Map<String, Double> s = e.scalars(new EffectiveProperties(0.3, 0.34, 0.5, 2.5, Double.NaN, 12.0,
                "voxel conduction"));
        assertEquals(Map.of("transport.effective_properties.porosity", 0.3,
                "transport.effective_properties.through_plane_tortuosity", 2.5,
                "transport.effective_properties.in_plane_tortuosity", Double.NaN,
                "transport.effective_properties.electronic_conductivity", 12.0,
                "transport.effective_properties.total_porosity", 0.34,
                "transport.effective_properties.active_volume_fraction", 0.5), s);
        assertEquals(new EffectiveProperties(0.3, 0.34, 0.5, 2.5, Double.NaN, 12.0, "voxel conduction"),
                e.assemble(s, "voxel conduction").orElseThrow());
        Object back = e.assemble(Map.of("transport.effective_properties.porosity", 0.3,
                "transport.effective_properties.through_plane_tortuosity", 2.5), "surrogate").orElseThrow();
        assertEquals(new EffectiveProperties(0.3, 2.5, Double.NaN, Double.NaN, "surrogate"), back);
    }

    /** A surrogate's prediction a little off is held within what a structure can be (issue 18). */
    @Test
    void predictedFractionsAreHeldToAStructure() {
        StateScalars.Entry<?> e = StateScalars.entry(EffectiveProperties.KEY).orElseThrow();
        EffectiveProperties p = (EffectiveProperties) e.assemble(Map.of("transport.effective_properties.porosity", 0.3,
                "transport.effective_properties.through_plane_tortuosity", 2.5,
                "transport.effective_properties.total_porosity", 0.29,
                "transport.effective_properties.active_volume_fraction", 0.75), "surrogate").orElseThrow();
        assertEquals(0.3, p.totalPorosity(), 0);
        assertEquals(0.7, p.activeVolumeFraction(), 1e-15);
    }

    @Test
    void aRecordWithoutItsRequiredNumbersIsNotAssembled() {
        StateScalars.Entry<?> e = StateScalars.entry(EffectiveProperties.KEY).orElseThrow();
        assertTrue(e.assemble(Map.of("transport.effective_properties.porosity", 0.3), "x").isEmpty());
    }

    /** A view registered for a plugin's key joins the API's entries; one for a key of the API is not used. */
    @Test
    void registeredViewsFollowTheApisEntries() {
        Key<Double> strain = Key.of("plugin.strain", Double.class, "1", "a plugin's strain");
        ScalarView<Double> plugin = view(strain, 1);
        ScalarView<Double> shadow = view(CoatingKeys.POROSITY, 1);
        List<StateScalars.Entry<?>> all = StateScalars.entries(List.of(shadow, plugin));
        assertEquals(StateScalars.ENTRIES.size() + 1, all.size());
        assertEquals(StateScalars.ENTRIES, all.subList(0, StateScalars.ENTRIES.size()));
        StateScalars.Entry<?> e = StateScalars.entry(strain, all).orElseThrow();
        assertEquals(Map.of("plugin.strain", 0.02), e.scalars(0.02));
        assertTrue(StateScalars.entry(strain).isEmpty(), "the API's own list is unchanged");
        assertThrows(IllegalArgumentException.class, () -> StateScalars.entries(List.of(view(strain, 0))));
    }

    private static ScalarView<Double> view(Key<Double> key, int required) {
        return new ScalarView<>() {
            @Override
            public Key<Double> key() {
                return key;
            }

            @Override
            public List<StateScalars.Scalar> components() {
                return List.of(new StateScalars.Scalar(key.name(), key.unit()));
            }

            @Override
            public int required() {
                return required;
            }

            @Override
            public double[] flatten(Double value) {
                return new double[] {value};
            }

            @Override
            public Double assemble(double[] values, String method) {
                return values[0];
            }
        };
    }

    @Test
    void plainNumbersKeepTheirKeyName() {
        StateScalars.Entry<?> e = StateScalars.entry(CoatingKeys.THICKNESS).orElseThrow();
        assertEquals(Map.of("coating.thickness", 6e-5), e.scalars(6e-5));
        assertEquals("m", e.components().get(0).unit());
        assertEquals(6e-5, e.assemble(Map.of("coating.thickness", 6e-5), "x").orElseThrow());
    }
}
