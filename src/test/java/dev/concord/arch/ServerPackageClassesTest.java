package dev.concord.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server package (packaging/server/package-server.sh) takes only some of the app package's classes, by name,
 * so that nothing in it reaches JavaFX. Every app class it takes may only use app classes it takes too: a
 * command moved into a class of its own once made {@code concord-server --version} fail in the installed package
 * (TypeNotPresentException) while every test of the jar passed.
 */
class ServerPackageClassesTest {
    private static final Pattern APP_GLOB = Pattern.compile("'dev/concord/app/([A-Za-z0-9]+)\\*'");

    @Test
    void everyAppClassTheServerPackageTakesFindsTheAppClassesItUses() throws Exception {
        String script = Files.readString(Path.of("packaging/server/package-server.sh"));
        List<String> taken = new ArrayList<>();
        Matcher m = APP_GLOB.matcher(script);
        while (m.find()) {
            taken.add(m.group(1));
        }
        assertThat(taken).contains("ServerMain");
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.concord.app");

        TreeSet<String> missing = new TreeSet<>();
        for (JavaClass c : app) {
            if (!takenBy(taken, c) || !c.getPackageName().equals("dev.concord.app")) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (target.getPackageName().equals("dev.concord.app") && !takenBy(taken, target)) {
                    missing.add(c.getSimpleName() + " -> " + target.getName());
                }
            }
        }
        assertThat(missing).as("app classes the server package uses but does not take").isEmpty();
    }

    private static boolean takenBy(List<String> prefixes, JavaClass c) {
        String fileName = c.getName().substring(c.getName().lastIndexOf('.') + 1);
        return prefixes.stream().anyMatch(fileName::startsWith);
    }
}
