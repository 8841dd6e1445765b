package org.calsim.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code calsim sweep SWEEP [--out DIR] [--retry-failed] [--cluster NAME --members HOST,...]}: with {@code --cluster}
 * the container joins the cluster as a submitter first, so that the cluster's executor runs the points.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a design of experiments over job fields (Sobol, Latin hypercube or Saltelli) and write "
            + "one dataset (dataset.csv + dataset.json); each point keeps its results folder under points/.",
            "Running the same sweep again skips the points that finished."})
final class SweepCommand implements Callable<Integer> {
    private final StudyCall study;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "sweep file (YAML)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: results/<sweep name>)")
    Path outDir;

    @Option(names = "--retry-failed", description = "run points again that failed in an earlier run")
    boolean retryFailed;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "run the points on the servers of this cluster (calsim serve --cluster NAME) instead of "
                    + "this machine; this process only publishes them and collects the results")
    String cluster;

    @Option(names = "--members", paramLabel = "HOST[:PORT],...", split = ",", defaultValue = "127.0.0.1",
            description = "servers of the cluster to contact (default: ${DEFAULT-VALUE})")
    List<String> members;

    @Option(names = "--cluster-bind", paramLabel = "ADDRESS", defaultValue = ServeCommand.HOST,
            description = "address this process listens on for the cluster; the servers connect back to it "
                    + "(default: ${DEFAULT-VALUE})")
    String clusterBind;

    @Option(names = "--cluster-port", paramLabel = "N", defaultValue = "5801",
            description = "first port this process tries for the cluster (default: ${DEFAULT-VALUE})")
    int clusterPort;

    @Option(names = "--cluster-token", paramLabel = "FILE", defaultValue = "lab-data/cluster-token",
            description = "the cluster's token file, copied from a server's data folder (default: ${DEFAULT-VALUE})")
    Path clusterToken;

    private final BundleContext context;
    private final PrintStream err;

    SweepCommand(StudyCall study, BundleContext context, PrintStream err) {
        this.study = study;
        this.context = context;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (cluster != null) {
            String bad = ClusterJoin.badInput(cluster, clusterPort, clusterToken, true);
            String unreachable = bad != null ? bad : ClusterJoin.unreachable(members, clusterBind);
            if (unreachable != null) {
                err.println("calsim: " + unreachable);
                return ExitCodes.BAD_INPUT;
            }
            String notJoined = ClusterJoin.join(context, cluster, members, clusterBind, clusterPort, clusterToken,
                    "submitter", 0, null);
            if (notJoined != null) {
                err.println("calsim: the sweep did not join the cluster " + cluster + ": " + notJoined);
                return ExitCodes.FAILED;
            }
            err.println("calsim: " + ClusterJoin.describe(context, clusterToken));
        }
        return study.run("sweep", (service, results, progress) -> service.sweep(file, outDir, retryFailed, results,
                progress));
    }
}
