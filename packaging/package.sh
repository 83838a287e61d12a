#!/usr/bin/env bash
# Builds the offline installer with the JDK's own tools: jdeps finds the JDK modules the app needs,
# jlink makes a trimmed runtime, jpackage makes an app image, and dpkg-deb (where it exists) a .deb of it.
# Everything lands under target/installer/. Called by `./launcher package` after the jar is built.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=packaging/common.sh
source packaging/common.sh

OUT=target/installer
INPUT=target/package-input
RUNTIME=target/package-runtime

rm -rf "$OUT" "$INPUT" "$RUNTIME"
mkdir -p "$OUT" "$INPUT/libs"
cp target/concord.jar "$INPUT/"
cp target/libs/*.jar "$INPUT/libs/"

# JavaFX, its natives and every library travel as jars on the class path, so jdeps only has to name
# JDK modules. The extras are reached by reflection or service loading, which jdeps cannot see:
# jdk.crypto.ec (TLS to a real server), jdk.unsupported (JavaFX and Jetty use sun.misc.Unsafe),
# jdk.zipfs (Flyway scans migrations inside the jar), jdk.localedata (dates in the agent's locale).
MODULES=$(runtime_modules "$INPUT/libs/*" "$INPUT/concord.jar" \
  jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.localedata,java.naming,java.management,java.sql)
echo "runtime modules: $MODULES"

"${JAVA_BIN}jlink" --add-modules "$MODULES" --output "$RUNTIME" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --include-locales=en,de,fr,es \
  --generate-cds-archive

# The packaged program is the agent's console: it runs with the console's JVM options, and JavaFX from
# the module path (on the class path JavaFX warns "Unsupported JavaFX configuration" at every start).
JAVA_OPTIONS=()
while read -r option; do
  JAVA_OPTIONS+=(--java-options "$option")
done < <(grep -v '^[[:space:]]*\(#\|$\)' packaging/console-jvm.options)
FX_PATH=$(cd "$INPUT" && ls libs/javafx-*-linux*.jar | sed 's|^|$APPDIR/|' | paste -sd: -)
JAVA_OPTIONS+=(--java-options "--module-path=$FX_PATH" --java-options "--add-modules=javafx.controls"
  --java-options "--add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED")

"${JAVA_BIN}jpackage" --type app-image --name concord --app-version "$VERSION" \
  --vendor "Concord" --description "Support-agent console that never loses a concurrent edit" \
  --input "$INPUT" --main-jar concord.jar --main-class dev.concord.app.Main \
  --runtime-image "$RUNTIME" --icon assets/icon/concord-256.png "${JAVA_OPTIONS[@]}" \
  --dest "$OUT"

IMAGE="$OUT/concord"
CFG="$IMAGE/lib/app/concord.cfg"
# Class-data sharing: a training run records the classes the program loads into lib/app/concord.jsa, and
# the installed launcher maps them instead of parsing them again. The archive is only valid for the class
# path it was recorded with, and the installed one is /opt/concord/..., so the run sees the image at
# /opt/concord through a private mount (root and unshare needed; without them the package has no archive
# and starts as before). The headless run is --self-check: server, client, sync core, JSON, JWT, logging.
add_java_option() { sed -i "/^\[JavaOptions\]/a java-options=$1" "$CFG"; }
make_cds_archive() {
  [[ $(id -u) -eq 0 ]] && command -v unshare >/dev/null || { echo "no class-data-sharing archive (needs root and unshare)"; return 0; }
  add_java_option '-XX:ArchiveClassesAtExit=$APPDIR/concord.jsa'
  local image_abs rc=0
  image_abs=$(cd "$IMAGE" && pwd)
  unshare -m sh -c "mount -t tmpfs concord-cds /opt && mkdir /opt/concord && mount --bind '$image_abs' /opt/concord \
    && HOME=\$(mktemp -d) /opt/concord/bin/concord --self-check >/dev/null 2>&1" || rc=$?
  sed -i '/ArchiveClassesAtExit/d' "$CFG"
  if [[ $rc -eq 0 && -s "$IMAGE/lib/app/concord.jsa" ]]; then
    add_java_option '-Xlog:cds=off'
    add_java_option '-Xlog:cds+dynamic=off'
    add_java_option '-XX:SharedArchiveFile=$APPDIR/concord.jsa'
    echo "class-data-sharing archive: $(du -h "$IMAGE/lib/app/concord.jsa" | cut -f1)"
  else
    rm -f "$IMAGE/lib/app/concord.jsa"
    echo "no class-data-sharing archive (training run exited $rc)"
  fi
}

made=("$IMAGE")
if [[ "${1:-}" == "--app-image-only" ]]; then
  echo "app image only (--app-image-only)"
elif command -v dpkg-deb >/dev/null; then
  make_cds_archive
  # The .deb is assembled here rather than by jpackage, whose maintainer scripts run xdg-desktop-menu
  # (a failed install on machines without a desktop, and xdg-utils with a perl stack pulled in). Every
  # file is in the package, so dpkg removes all of it; the menu and icon caches are refreshed by the
  # triggers of desktop-file-utils and hicolor-icon-theme where those exist. No maintainer scripts.
  # shellcheck disable=SC1091
  source packaging/deb/metadata
  ARCH=$(dpkg --print-architecture)
  STAGE=target/deb-root
  rm -rf "$STAGE"
  mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/usr/share/doc/concord" "$STAGE/DEBIAN"
  cp -a "$IMAGE" "$STAGE/opt/concord"
  ln -s ../../opt/concord/bin/concord "$STAGE/usr/bin/concord"
  install -m 644 packaging/deb/concord.desktop "$STAGE/usr/share/applications/concord.desktop"
  for size in 16 32 48 64 128 256 512; do
    install -D -m 644 "assets/icon/concord-$size.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/concord.png"
  done
  install -m 644 packaging/deb/copyright "$STAGE/usr/share/doc/concord/copyright"
  # The installed console's documentation (signing in, tokens kept out of the process list, logs).
  install -m 644 README.md "$STAGE/usr/share/doc/concord/README.md"
  # JavaFX's natives sit inside jars, so no tool can see that they need GTK 3 and libXtst (glass);
  # the bundled runtime needs only libc and zlib, which every Debian has.
  deb_control "$STAGE" concord "$SECTION" "libgtk-3-0, libxtst6" "$SUMMARY" packaging/deb/description
  DEB="$OUT/concord_${VERSION}-1_${ARCH}.deb"
  build_deb "$STAGE" "$DEB"
  made+=("$DEB")
else
  echo "dpkg-deb missing: made the app image only"
fi

print_made 45 "${made[@]}"
echo "run: $OUT/concord/bin/concord   (or --self-check, --version)"
