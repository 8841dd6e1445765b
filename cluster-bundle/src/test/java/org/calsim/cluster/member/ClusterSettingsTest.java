package org.calsim.cluster.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    @Test
    void readsAServerConfiguration() {
        ClusterSettings s = ClusterSettings.of(config("lab-1", new String[] {"10.0.0.2:5701, 10.0.0.3", "[::1]:5702"},
                5701, "server", 3, "/data/points"));
        assertEquals("lab-1", s.name());
        assertEquals(List.of("10.0.0.2:5701", "10.0.0.3", "[::1]:5702"), s.members());
        assertEquals(3, s.workers());
        assertEquals(Path.of("/data/points"), s.resultsDir());
    }

    @Test
    void aSubmitterRunsNoPointsAndNeedsNoResultsFolder() {
        ClusterSettings s = ClusterSettings.of(config("lab", new String[0], 5801, "submitter", 2, ""));
        assertTrue(s.submitter());
        assertEquals(0, s.workers());
    }

    @Test
    void namesTheSettingTheValueAndWhatIsAllowed() {
        InvalidInputException name = assertThrows(InvalidInputException.class,
                () -> ClusterSettings.of(config("my lab", new String[0], 5701, "server", 2, "/p")));
        assertEquals("--cluster: 'my lab' is not allowed; expected 1 to 64 letters, digits, dots, underscores or "
                + "hyphens.", name.getMessage());
        InvalidInputException member = assertThrows(InvalidInputException.class,
                () -> ClusterSettings.of(config("lab", new String[] {"host:70000"}, 5701, "server", 2, "/p")));
        assertTrue(member.getMessage().startsWith("--members: 'host:70000' is not allowed"), member.getMessage());
        InvalidInputException port = assertThrows(InvalidInputException.class,
                () -> ClusterSettings.of(config("lab", new String[0], 65530, "server", 2, "/p")));
        assertTrue(port.getMessage().contains("a port from 1 to 65515"), port.getMessage());
        InvalidInputException workers = assertThrows(InvalidInputException.class,
                () -> ClusterSettings.of(config("lab", new String[0], 5701, "server", 0, "/p")));
        assertTrue(workers.getMessage().startsWith("--jobs: the value 0 is not allowed"), workers.getMessage());
    }

    private static ClusterSettings.Config config(String name, String[] members, int port, String role, int workers,
                                                 String results) {
        return new ClusterSettings.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClusterSettings.Config.class;
            }

            @Override
            public String cluster_name() {
                return name;
            }

            @Override
            public String[] cluster_members() {
                return members;
            }

            @Override
            public String cluster_bind() {
                return "127.0.0.1";
            }

            @Override
            public int cluster_port() {
                return port;
            }

            @Override
            public String cluster_token_file() {
                return "/data/cluster-token";
            }

            @Override
            public String cluster_role() {
                return role;
            }

            @Override
            public int cluster_workers() {
                return workers;
            }

            @Override
            public String cluster_results_dir() {
                return results;
            }
        };
    }
}
