package dev.concord.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The installed app for {@link ConsoleStartBench}: the app image {@code ./launcher package} makes
 * (target/installer/concord, with the class-data-sharing archive package.sh trains), built here once when
 * it is missing or holds another jar (a minute or two: jlink and the archive's training run).
 */
final class Installed {
    static final Path IMAGE = Path.of("target/installer/concord");

    private Installed() {
    }

    /** The image's folder, or null when it could not be built (the bench then reports no installed row). */
    static Path ensureImage(Path work) throws Exception {
        Path launcher = IMAGE.resolve("bin/concord");
        Path jar = IMAGE.resolve("lib/app/concord.jar");
        if (Files.isExecutable(launcher) && Files.exists(jar) && Files.mismatch(jar, Path.of("target/concord.jar")) == -1) {
            ConsoleStartBench.log("installed app: reusing " + IMAGE + " (its jar is target/concord.jar)");
            return IMAGE;
        }
        ConsoleStartBench.log("installed app: building it with packaging/package.sh (once; not part of any figure)");
        long t0 = System.nanoTime();
        Path log = work.resolve("package.log");
        int code = new ProcessBuilder("bash", "packaging/package.sh").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start().waitFor();
        ConsoleStartBench.log(String.format("installed app: package.sh exited %d after %.0f s", code, (System.nanoTime() - t0) / 1e9));
        if (code != 0 || !Files.isExecutable(launcher)) {
            System.out.println(Files.readString(log));
            return null;
        }
        return IMAGE;
    }

    /**
     * The installed launcher as a first-time user starts it: its own data folder, nothing kept from before.
     * The image is seen at /opt/concord, where the .deb installs it, through a private mount (as package.sh
     * trains the archive): the archive is valid only for the class path it was recorded with. Without root
     * or unshare the image runs where it is, without its archive.
     */
    static ProcessBuilder command(Path image, Path home) {
        ProcessBuilder pb = canMountPrivately()
                ? new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -t tmpfs concord-bench /opt && mkdir /opt/concord"
                        + " && mount --bind '" + image.toAbsolutePath() + "' /opt/concord && exec /opt/concord/bin/concord")
                : new ProcessBuilder(image.resolve("bin/concord").toString());
        // The app's launcher takes no JVM options from its command line or JDK_JAVA_OPTIONS; the VM reads this one.
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dconcord.home=" + home);
        return pb;
    }

    static boolean canMountPrivately() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"));
    }
}
