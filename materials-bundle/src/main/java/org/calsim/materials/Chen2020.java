package org.calsim.materials;

import java.util.Map;
import org.calsim.api.electrochem.ActivationEnergies;
import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ElectrodeParameters;
import org.calsim.api.electrochem.ElectrolyteParameters;
import org.calsim.api.electrochem.ParameterSet;
import org.calsim.api.electrochem.SeparatorParameters;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The LG M50 21700 cell (NMC811 / graphite–SiOx, 5 Ah) of Chen, Planella, O'Regan, Gastol, Widanage and Kendrick,
 * "Development of experimental techniques for parameterization of multi-scale lithium-ion battery models",
 * J. Electrochem. Soc. 167 (2020) 080534, Tables VII–IX; electrolyte functions of Nyman et al. (2008), see
 * {@link LiPF6EcEmc}. Open-circuit potentials are the paper's fits (eqs 8–9):
 * <ul>
 * <li>graphite: U(x) = 1.9793 e^(−39.3631x) + 0.2482 − 0.0909 tanh(29.8538(x − 0.1234))
 * − 0.04478 tanh(14.9159(x − 0.2769)) − 0.0205 tanh(30.4444(x − 0.6103));</li>
 * <li>NMC811: U(y) = −0.8090y + 4.4875 − 0.0428 tanh(18.5138(y − 0.5542)) − 17.7326 tanh(15.7890(y − 0.3117))
 * + 17.5842 tanh(15.9308(y − 0.3120)).</li>
 * </ul>
 * The 100 % state of charge is the set's initial state (x = 29866/33133, y = 17038/63104); 0 % is the
 * paper's lower stoichiometry limits (x = 0.0279, y = 0.9084). The values hold at 298.15 K; the exchange currents
 * follow Arrhenius with activation energies 35 kJ/mol (graphite–SiOx) and 17.8 kJ/mol (NMC811), as PyBaMM's
 * Chen2020 set gives them ({@code pybamm/input/parameters/lithium_ion/Chen2020.py}); the set gives none for the
 * diffusivities and the electrolyte, which stay as at 298.15 K.
 */
@Component(service = MaterialModel.class, property = ServiceProperties.NAME + "=" + Chen2020.NAME)
public final class Chen2020 implements ParameterSet {
    static final String NAME = "Chen2020";
    static final String SOURCE = "Chen et al., J. Electrochem. Soc. 167 (2020) 080534 (LG M50)";

    private static final CellParameters CELL = new CellParameters(NAME, SOURCE,
            new ElectrodeParameters("graphite-SiOx", 85.2e-6, 0.25, 0.75, 5.86e-6, 33133,
                    29866.0 / 33133, 0.0279, Chen2020::graphiteOcp, x -> 3.3e-14, 6.48e-7, 215, 1.5, 0,
                    Double.NaN, 2260),
            Double.NaN,
            new SeparatorParameters(12e-6, 0.47, 1.5),
            new ElectrodeParameters("NMC811", 75.6e-6, 0.335, 0.665, 5.22e-6, 63104,
                    17038.0 / 63104, 0.9084, Chen2020::nmcOcp, y -> 4e-15, 3.42e-6, 0.18, 1.5, 0,
                    Double.NaN, 4950),
            new ElectrolyteParameters(1000, c -> LiPF6EcEmc.conductivity(c / 1000),
                    c -> LiPF6EcEmc.diffusivity(c / 1000), 0.2594, c -> 1),
            298.15, 0.065 * 1.58, 5 * 3600, 2.5, 4.2, new ActivationEnergies(35000, 0, 17800, 0, 0, 0));

    private static final Map<MaterialProperty, Quantity> PROPERTIES = CellParameterTable.of(CELL,
            "PyBaMM's Chen2020 set (pybamm/input/parameters/lithium_ion/Chen2020.py), at T_ref = 298.15 K");

    /** Graphite–SiOx open-circuit potential against Li/Li⁺ (Chen et al. 2020, eq 8) [V]. */
    static double graphiteOcp(double x) {
        return 1.9793 * Math.exp(-39.3631 * x) + 0.2482 - 0.0909 * Math.tanh(29.8538 * (x - 0.1234))
                - 0.04478 * Math.tanh(14.9159 * (x - 0.2769)) - 0.0205 * Math.tanh(30.4444 * (x - 0.6103));
    }

    /** NMC811 open-circuit potential against Li/Li⁺ (Chen et al. 2020, eq 9) [V]. */
    static double nmcOcp(double y) {
        return -0.8090 * y + 4.4875 - 0.0428 * Math.tanh(18.5138 * (y - 0.5542))
                - 17.7326 * Math.tanh(15.7890 * (y - 0.3117)) + 17.5842 * Math.tanh(15.9308 * (y - 0.3120));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "LG M50 21700 cell, NMC811 / graphite-SiOx, 5 Ah: Doyle-Fuller-Newman parameter set";
    }

    @Override
    public Map<MaterialProperty, Quantity> properties() {
        return PROPERTIES;
    }

    @Override
    public CellParameters cell() {
        return CELL;
    }
}
