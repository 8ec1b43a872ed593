#!/usr/bin/env bash
# Builds Proxima's self-hosted basemap (an MBTiles file of vector tiles) from the département's OSM extract alone,
# the same file as the road graph. See docs/ogc.md, "Self-hosted basemap".
#   gis/build-basemap.sh <extract.osm.pbf> [output.mbtiles]     (default output: tiles/basemap/basemap.mbtiles)
# Tool: tilemaker (Debian package `tilemaker`) by default; BASEMAP_TOOL=planetiler runs Planetiler instead, in its
# own process on a Java 21+ JDK (JAVA21_HOME, or the first one under /usr/lib/jvm). Planetiler's core needs GeoTools,
# which is published on repo.osgeo.org only: where that repository is unreachable it cannot run (docs/ogc.md).
set -euo pipefail
cd "$(dirname "$0")/.."
osm="${1:?usage: gis/build-basemap.sh <extract.osm.pbf> [output.mbtiles]}"
out="${2:-tiles/basemap/basemap.mbtiles}"
mkdir -p "$(dirname "$out")"

if [ "${BASEMAP_TOOL:-tilemaker}" = tilemaker ]; then
  command -v tilemaker >/dev/null || { echo "build-basemap: install tilemaker (apt-get install tilemaker)" >&2; exit 2; }
  rm -f "$out"
  exec tilemaker --input "$osm" --output "$out" --config gis/basemap/tilemaker.json --process gis/basemap/tilemaker.lua
fi

java_home="${JAVA21_HOME:-}"
if [ -z "$java_home" ]; then
  for jdk in /usr/lib/jvm/*; do
    [ -x "$jdk/bin/java" ] || continue
    v=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' || true)
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then java_home="$jdk"; break; fi
  done
fi
if [ -z "$java_home" ]; then
  echo "build-basemap: Planetiler needs a Java 21+ JDK; set JAVA21_HOME (none found under /usr/lib/jvm)" >&2
  exit 2
fi
cp_file=gis/basemap/target/classpath.txt
if [ ! -s "$cp_file" ]; then
  ./mvnw -B -q -f gis/basemap/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
mkdir -p gis/basemap/target/tmp
exec "$java_home/bin/java" -Xmx1g -cp "$(cat "$cp_file")" gis/basemap/Basemap.java \
  --osm="$osm" --output="$out" --tmpdir=gis/basemap/target/tmp --download=false --force
