#!/usr/bin/env bash
# Builds the concord-server package: a server-only jar (no console, no JavaFX), a jlinked Java runtime
# with only the JDK modules the service needs, a .deb (systemd unit, /etc/concord/server.conf, user
# concord) and a tar.gz for other Linuxes. Everything lands under target/server-package/.
# Called by `./launcher package` and `./launcher package-server` after the jar is built.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=packaging/common.sh
source packaging/common.sh

OUT=target/server-package
WORK=target/server-build
SRC=packaging/server

rm -rf "$OUT" "$WORK"
mkdir -p "$OUT" "$WORK/classes" "$WORK/image/lib" "$WORK/image/bin"

# 1. The server's classes only: the contract, the domain, the server, the importer, the merge engine the
#    server's conflict messages use, and the entry point with its commands. No ui, sync, client, cli or
#    console classes, so nothing in the package can reach JavaFX.
(cd "$WORK/classes" && unzip -q ../../concord.jar \
  'dev/concord/api/*' 'dev/concord/domain/*' 'dev/concord/server/*' 'dev/concord/importer/*' 'dev/concord/merge/*' \
  'dev/concord/app/ServerMain*' 'dev/concord/app/ServerCommand*' 'dev/concord/app/ServerConfFile*' \
  'dev/concord/app/ImportCommand*' 'dev/concord/app/DatabasePassword*' 'dev/concord/app/TokensCommand*' \
  'dev/concord/app/Version*' \
  'db/*' 'openapi/*' 'logback.xml')
printf 'Implementation-Title: concord-server\nImplementation-Version: %s\n' "$VERSION" >"$WORK/manifest.txt"
"${JAVA_BIN}jar" --create --file "$WORK/image/lib/concord-server.jar" --main-class dev.concord.app.ServerMain \
  --manifest "$WORK/manifest.txt" \
  -C "$WORK/classes" dev -C "$WORK/classes" db -C "$WORK/classes" openapi -C "$WORK/classes" logback.xml

# 2. Libraries the server uses: every runtime dependency but the desktop's (JavaFX and its theme, the
#    HTTP client, the OS keyring and what only they need).
for jar in target/libs/*.jar; do
  case "$(basename "$jar")" in
    javafx-*|atlantafx-*|okhttp*|okio*|java-keyring-*|jkeychain-*|dbus-java-*|secret-service-*|jna-*|hkdf-*) ;;
    *) cp "$jar" "$WORK/image/lib/" ;;
  esac
done
if ls "$WORK/image/lib" | grep -qi javafx; then
  echo "package-server: a JavaFX jar got into the server package" >&2
  exit 1
fi

# 3. A runtime of the JDK modules jdeps finds, plus what is reached by reflection or service loading:
#    jdk.crypto.ec (TLS with EC keys), jdk.unsupported (Jetty, Kotlin), jdk.zipfs (Flyway scans the jar),
#    java.naming and java.management (Hikari, Logback), jdk.management (process metrics),
#    java.security.jgss (PostgreSQL's GSS authentication).
MODULES=$(runtime_modules "$WORK/image/lib/*" "$WORK/image/lib/concord-server.jar" \
  jdk.crypto.ec,jdk.unsupported,jdk.zipfs,java.naming,java.management,jdk.management,java.sql,java.security.jgss)
if tr ',' '\n' <<<"$MODULES" | grep -q '^javafx'; then
  echo "package-server: the runtime would contain JavaFX ($MODULES)" >&2
  exit 1
fi
echo "server runtime modules: $MODULES"
"${JAVA_BIN}jlink" --add-modules "$MODULES" --output "$WORK/image/runtime" \
  --strip-debug --no-man-pages --no-header-files --compress=2

install -m 755 "$SRC/concord-server" "$WORK/image/bin/concord-server"

# 4. The tar.gz: unpack anywhere, run bin/concord-server --config etc/server.conf.
TAR_ROOT="$WORK/tar/concord-server-$VERSION"
mkdir -p "$TAR_ROOT/etc" "$TAR_ROOT/systemd"
cp -a "$WORK/image/." "$TAR_ROOT/"
install -m 644 "$SRC/server.conf" "$TAR_ROOT/etc/server.conf"
install -m 644 "$SRC/concord-server.service" "$TAR_ROOT/systemd/concord-server.service"
install -m 644 "$SRC/copyright" "$TAR_ROOT/COPYRIGHT"
install -m 644 README.md "$TAR_ROOT/README.md"
ARCH_TAR=$(uname -m)
TARBALL="$OUT/concord-server-$VERSION-linux-$ARCH_TAR.tar.gz"
tar -C "$WORK/tar" --owner=0 --group=0 -czf "$TARBALL" "concord-server-$VERSION"
made=("$TARBALL")

# 5. The .deb, written by hand: a service wants its own maintainer scripts (user, state, unit).
if command -v dpkg-deb >/dev/null; then
  ARCH=$(dpkg --print-architecture)
  STAGE="$WORK/deb-root"
  mkdir -p "$STAGE/usr/lib" "$STAGE/usr/bin" "$STAGE/etc/concord" "$STAGE/lib/systemd/system" \
    "$STAGE/usr/share/doc/concord-server" "$STAGE/DEBIAN"
  cp -a "$WORK/image" "$STAGE/usr/lib/concord-server"
  ln -s ../lib/concord-server/bin/concord-server "$STAGE/usr/bin/concord-server"
  install -m 644 "$SRC/server.conf" "$STAGE/etc/concord/server.conf"
  install -m 644 "$SRC/concord-server.service" "$STAGE/lib/systemd/system/concord-server.service"
  install -m 644 "$SRC/copyright" "$STAGE/usr/share/doc/concord-server/copyright"
  install -m 644 README.md "$STAGE/usr/share/doc/concord-server/README.md"
  install -m 755 "$SRC/postinst" "$SRC/prerm" "$SRC/postrm" "$STAGE/DEBIAN/"
  echo /etc/concord/server.conf > "$STAGE/DEBIAN/conffiles"
  # The bundled runtime needs only libc and zlib; adduser makes the service user.
  deb_control "$STAGE" concord-server net "adduser, libc6, zlib1g" \
    "Concord subscription service (HTTP API, systemd unit)" "$SRC/description" "Suggests: postgresql"
  DEB="$OUT/concord-server_${VERSION}-1_${ARCH}.deb"
  build_deb "$STAGE" "$DEB"
  made+=("$DEB")
else
  echo "dpkg-deb missing: made the tar.gz only"
fi

print_made 60 "${made[@]}"
