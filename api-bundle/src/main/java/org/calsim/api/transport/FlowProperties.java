package org.calsim.api.transport;

import org.calsim.api.stage.Key;

/**
 * Pore-scale flow properties of the electrolyte-filled pore space, e.g. for electrolyte filling (wetting) or
 * pressure-driven models.
 *
 * @param porosity                    ε [1]
 * @param throughPlanePermeability    Darcy permeability through the thickness [m²]
 * @param inPlanePermeability         Darcy permeability in the plane [m²]; NaN if not computed
 * @param throughPlaneHydraulicTortuosity ⟨|u|⟩/⟨u_z⟩ of the through-plane flow [1]
 * @param inPlaneHydraulicTortuosity  ⟨|u|⟩/⟨u_x⟩ of the in-plane flow [1]; NaN if not computed
 * @param method                      how they were obtained, e.g. {@code "lattice Boltzmann D3Q19 TRT"}
 */
public record FlowProperties(double porosity, double throughPlanePermeability, double inPlanePermeability,
                             double throughPlaneHydraulicTortuosity, double inPlaneHydraulicTortuosity,
                             String method) {

    /** State key of the flow properties. */
    public static final Key<FlowProperties> KEY = Key.of("transport.flow_properties", FlowProperties.class, "-",
            "permeability and hydraulic tortuosity of the pore space");
}
