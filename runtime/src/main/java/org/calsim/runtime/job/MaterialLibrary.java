package org.calsim.runtime.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;

/**
 * The materials a job can use: those defined in its {@code materials} section (first) and the
 * material services of the container. A job material may start from a service material
 * ({@code based_on}) and override some properties.
 */
public final class MaterialLibrary {
    /** Job-file fields of a material: property, job-file unit and factor to SI. */
    private static final List<Field> FIELDS = List.of(
            new Field(MaterialProperty.DENSITY, Parameter.number("density_kg_per_m3", "kg/m^3", 1, "true density").positive()),
            new Field(MaterialProperty.YOUNGS_MODULUS, Parameter.number("youngs_modulus_GPa", "GPa", 1e9, "Young's modulus").positive()),
            new Field(MaterialProperty.POISSON_RATIO, Parameter.number("poisson_ratio", "1", 1, "Poisson's ratio").open(-1, 0.5)),
            new Field(MaterialProperty.YIELD_STRESS, Parameter.number("yield_stress_MPa", "MPa", 1e6, "yield stress").positive()),
            new Field(MaterialProperty.SURFACE_ENERGY, Parameter.number("surface_energy_J_per_m2", "J/m^2", 1, "surface energy").nonNegative()),
            new Field(MaterialProperty.SPECIFIC_CAPACITY, Parameter.number("specific_capacity_mAh_per_g", "mAh/g", 3600, "practical specific capacity").positive()),
            new Field(MaterialProperty.ELECTRONIC_CONDUCTIVITY, Parameter.number("electronic_conductivity_S_per_m", "S/m", 1, "electronic conductivity").nonNegative()),
            new Field(MaterialProperty.SALT_DIFFUSIVITY, Parameter.number("salt_diffusivity_m2_per_s", "m^2/s", 1, "salt diffusion coefficient").positive()),
            new Field(MaterialProperty.IONIC_CONDUCTIVITY, Parameter.number("ionic_conductivity_S_per_m", "S/m", 1, "ionic conductivity").positive()),
            new Field(MaterialProperty.TRANSFERENCE_NUMBER, Parameter.number("transference_number", "1", 1, "cation transference number").open(0, 1)),
            new Field(MaterialProperty.SALT_CONCENTRATION, Parameter.number("salt_concentration_mol_per_m3", "mol/m^3", 1, "salt concentration").positive()));

    private record Field(MaterialProperty property, Parameter parameter) {
    }

    private final Map<String, JobMaterial> jobMaterials;
    private final Function<String, JobMaterial> services;
    private final List<String> serviceNames;
    private final Map<String, JobMaterial> used = new LinkedHashMap<>();

    private MaterialLibrary(Map<String, JobMaterial> jobMaterials, Function<String, JobMaterial> services,
                            List<String> serviceNames) {
        this.jobMaterials = jobMaterials;
        this.services = services;
        this.serviceNames = serviceNames;
    }

    /**
     * @param section      the job file's {@code materials} mapping, or {@code null}
     * @param services     snapshot of the material service of a name, or {@code null} if none
     * @param serviceNames names of the material services, for messages
     * @throws InvalidInputException on a bad material definition
     */
    public static MaterialLibrary read(JsonNode section, JobFolder baseDir, Function<String, JobMaterial> services,
                                       List<String> serviceNames) {
        Map<String, JobMaterial> defined = new LinkedHashMap<>();
        if (section != null && !section.isNull()) {
            if (!section.isObject()) {
                throw new InvalidInputException("materials", section.toString(),
                        "a mapping from material name to its properties");
            }
            List<Parameter> declared = new ArrayList<>();
            declared.add(Parameter.text("based_on", "material service to start from").optional());
            declared.add(Parameter.text("description", "one line").optional());
            for (Field f : FIELDS) {
                declared.add(f.parameter().optional());
            }
            Iterator<Map.Entry<String, JsonNode>> it = section.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "materials." + e.getKey();
                BoundParameters p = ParameterBinder.bind(declared, e.getValue(), path, baseDir);
                Map<MaterialProperty, Quantity> props = new LinkedHashMap<>();
                String description = "defined in the job file";
                if (p.isSet("based_on")) {
                    JobMaterial base = services.apply(p.text("based_on"));
                    if (base == null) {
                        throw new InvalidInputException(path + ".based_on", p.text("based_on"),
                                "the name of a material service: " + String.join(", ", serviceNames));
                    }
                    props.putAll(base.properties());
                    description = "based on " + base.name() + ", modified in the job file";
                }
                for (Field f : FIELDS) {
                    if (p.isSet(f.parameter().name())) {
                        props.put(f.property(), new Quantity(p.number(f.parameter().name()), "job file"));
                    }
                }
                if (p.isSet("description")) {
                    description = p.text("description");
                }
                defined.put(e.getKey(), new JobMaterial(e.getKey(), description, props, "job file"));
            }
        }
        return new MaterialLibrary(defined, services, serviceNames);
    }

    /**
     * @param field the job-file field that names the material, for the message
     * @return the material
     * @throws InvalidInputException if there is no such material
     */
    public synchronized JobMaterial get(String name, String field) {
        JobMaterial m = used.get(name);
        if (m != null) {
            return m;
        }
        m = jobMaterials.get(name);
        if (m == null) {
            m = services.apply(name);
        }
        if (m == null) {
            TreeSet<String> known = new TreeSet<>(serviceNames);
            known.addAll(jobMaterials.keySet());
            throw new InvalidInputException(field, name, "a material defined in the job's materials section or "
                    + "registered in the container: " + String.join(", ", known));
        }
        used.put(name, m);
        return m;
    }

    /**
     * @param field path for the message
     * @return the SI value of {@code property} of material {@code m}
     * @throws InvalidInputException if the material lacks it
     */
    public static double require(MaterialModel m, MaterialProperty property, String field) {
        Quantity q = m.properties().get(property);
        if (q == null) {
            String jobField = FIELDS.stream().filter(f -> f.property().equals(property)).map(f -> f.parameter().name())
                    .findFirst().orElse(property.name());
            throw new InvalidInputException(field, m.name(), "a material with a " + property.description()
                    + " (add " + jobField + " to materials." + m.name() + " in the job file)");
        }
        return q.value();
    }

    /** @return every material looked up so far (the same snapshot each time), for provenance */
    public synchronized List<JobMaterial> used() {
        return List.copyOf(used.values());
    }
}
