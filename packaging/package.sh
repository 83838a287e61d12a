#!/usr/bin/env bash
# Builds the offline installer with the JDK's own tools: jdeps finds the JDK modules the app needs,
# jlink makes a trimmed runtime, jpackage makes an app image and, where dpkg-deb and fakeroot exist, a .deb.
# Everything lands under target/installer/. Called by `./launcher package` after the jar is built.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"
VERSION=$(unzip -p target/concord.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
VERSION=${VERSION:-0.1.0}
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
MODULES=$("${JAVA_BIN}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$INPUT/libs/*" "$INPUT/concord.jar" 2>/dev/null || true)
MODULES=$(echo "${MODULES:+$MODULES,}jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.localedata,java.naming,java.management,java.sql" \
  | tr ',' '\n' | sort -u | paste -sd, -)
echo "runtime modules: $MODULES"

"${JAVA_BIN}jlink" --add-modules "$MODULES" --output "$RUNTIME" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --include-locales=en,de,fr,es

# The packaged program is the agent's console: it runs with the console's JVM options.
JAVA_OPTIONS=()
while read -r option; do
  JAVA_OPTIONS+=(--java-options "$option")
done < <(grep -v '^[[:space:]]*\(#\|$\)' packaging/console-jvm.options)

"${JAVA_BIN}jpackage" --type app-image --name concord --app-version "$VERSION" \
  --vendor "Concord" --description "Support-agent console that never loses a concurrent edit" \
  --input "$INPUT" --main-jar concord.jar --main-class dev.concord.app.Main \
  --runtime-image "$RUNTIME" --icon assets/icon/concord-256.png "${JAVA_OPTIONS[@]}" \
  --dest "$OUT"

made=("$OUT/concord")
if [[ "${1:-}" == "--app-image-only" ]]; then
  echo "app image only (--app-image-only)"
elif command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  # JavaFX's natives sit inside the jars, so jpackage cannot see that they need GTK 3: name it.
  "${JAVA_BIN}jpackage" --type deb --app-image "$OUT/concord" --name concord --app-version "$VERSION" \
    --vendor "Concord" --description "Support-agent console that never loses a concurrent edit" \
    --linux-package-name concord --linux-package-deps "libgtk-3-0" --linux-shortcut \
    --linux-menu-group "Office" --linux-app-category "office" --icon assets/icon/concord-256.png \
    --dest "$OUT"
  made+=("$(ls "$OUT"/*.deb)")
else
  echo "dpkg-deb or fakeroot missing: made the app image only"
fi

echo
echo "made:"
for m in "${made[@]}"; do
  printf '  %-45s %s\n' "$m" "$(du -sh "$m" | cut -f1)"
done
echo "run: $OUT/concord/bin/concord   (or --self-check, --version)"
