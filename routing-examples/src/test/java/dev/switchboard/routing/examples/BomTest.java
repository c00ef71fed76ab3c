package dev.switchboard.routing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BomTest {

    /** The modules that are not libraries a host depends on: the runnable samples, and the BOM itself. */
    private static final List<String> SAMPLES_AND_BOM = List.of("switchboard-bom", "routing-examples",
            "routing-helpdesk-service");

    private static List<String> all(String regex, String xml) {
        Matcher matcher = Pattern.compile(regex).matcher(xml);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static String version(String pom) {
        return all("<artifactId>(?:switchboard-parent|switchboard-bom)</artifactId>\\s*<version>([^<]+)</version>", pom)
                .get(0);
    }

    @Test
    void theBom_listsEveryLibraryModule_atTheParentsVersion() throws IOException {
        String parent = Files.readString(Path.of("../pom.xml"));
        String bom = Files.readString(Path.of("../switchboard-bom/pom.xml"));
        List<String> libraries = all("<module>([^<]+)</module>", parent).stream()
                .filter(module -> !SAMPLES_AND_BOM.contains(module))
                .toList();

        assertThat(all("<artifactId>(routing-[^<]+)</artifactId>", bom)).containsExactlyInAnyOrderElementsOf(libraries);
        assertThat(version(bom)).isEqualTo(version(parent));
    }
}
