package org.calsim.runtime.run;

import java.nio.file.Path;
import java.util.List;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.job.JobRequest;
import org.calsim.runtime.job.JobSpec;
import org.calsim.runtime.job.MaterialLibrary;

/**
 * A job that passed every check: parsed, materials found, parameters bound, chain complete.
 *
 * @param request    what was submitted
 * @param spec       the job file's top level
 * @param materials  the materials it can use
 * @param recipe     the electrode recipe
 * @param conditions the calendering conditions
 * @param stages     the checked stages, in order
 * @param outputDir  the results folder
 */
record PreparedJob(JobRequest request, JobSpec spec, MaterialLibrary materials, ElectrodeRecipe recipe,
                   CalenderingConditions conditions, List<StagePlan> stages, Path outputDir) {

    /** @return file-name prefix of stage {@code i}: its name, with the index if the name occurs twice */
    String stem(int i) {
        String name = stages.get(i).name();
        long same = stages.stream().filter(s -> s.name().equals(name)).count();
        return same > 1 ? name + "-" + (i + 1) : name;
    }
}
