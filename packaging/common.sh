# Shell shared by packaging/package.sh (the console) and packaging/server/package-server.sh (the service):
# sourced, not run. Both run from the repository's root with `set -euo pipefail`, after the jar is built.
# shellcheck shell=bash

JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"
VERSION=$(unzip -p target/concord.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
VERSION=${VERSION:-0.1.0}

# runtime_modules CLASS_PATH JAR EXTRAS: the JDK modules jdeps finds JAR and CLASS_PATH need, plus EXTRAS
# (comma-separated: what is reached by reflection or service loading, which jdeps cannot see), sorted.
runtime_modules() {
  local class_path=$1 jar=$2 extras=$3 found
  found=$("${JAVA_BIN}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
    --class-path "$class_path" "$jar" 2>/dev/null || true)
  echo "${found:+$found,}$extras" | tr ',' '\n' | sort -u | paste -sd, -
}

# deb_control STAGE PACKAGE SECTION DEPENDS SUMMARY DESCRIPTION_FILE [EXTRA_FIELD_LINE...]: writes
# STAGE/DEBIAN/control (maintainer and homepage from packaging/deb/metadata; Installed-Size of STAGE).
deb_control() {
  local stage=$1 package=$2 section=$3 depends=$4 summary=$5 description=$6
  shift 6
  # shellcheck disable=SC1091
  source packaging/deb/metadata
  {
    echo "Package: $package"
    echo "Version: $VERSION-1"
    echo "Section: $section"
    echo "Priority: optional"
    echo "Architecture: $(dpkg --print-architecture)"
    echo "Depends: $depends"
    local field
    for field in "$@"; do echo "$field"; done
    echo "Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
    echo "Maintainer: $MAINTAINER"
    [[ -n "$HOMEPAGE" ]] && echo "Homepage: $HOMEPAGE"
    echo "Description: $summary"
    cat "$description"
  } > "$stage/DEBIAN/control"
}

# build_deb STAGE DEB: the .deb of STAGE, files owned by root whoever builds it.
build_deb() {
  dpkg-deb --root-owner-group -Zgzip --build "$1" "$2" >/dev/null
}

# print_made WIDTH FILE...: what was made, with sizes.
print_made() {
  local width=$1 m
  shift
  echo
  echo "made:"
  for m in "$@"; do
    printf "  %-${width}s %s\n" "$m" "$(du -sh "$m" | cut -f1)"
  done
}
