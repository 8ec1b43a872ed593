#!/usr/bin/env bash
# Downloads the open data Proxima needs for one département into open-data/<dep>/ (git-ignored), from the URLs of
# gis/sources.tsv: the FINESS Etalab extract, the communes with their contours, the département contours, the INSEE
# population (base-cc layout, unzipped) and an OpenStreetMap extract. Then import it with
#   java -jar target/proxima.jar import-dir open-data/<dep>      (or start with PROXIMA_DATA_DIR=open-data/<dep>)
#
# Usage: gis/fetch-open-data.sh <département code> [target folder]
#   OSM_URL=<url>   overrides the OpenStreetMap extract (for a département missing from gis/osm-extracts.tsv)
#   SKIP_OSM=1      skips the OpenStreetMap extract (large; only routing needs it)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dep="${1:-}"
if [[ ! "$dep" =~ ^([0-9]{2}|2[AB]|97[1-6])$ ]]; then
  echo "Usage: $0 <département code, e.g. 48> [target folder]" >&2
  exit 2
fi
target="${2:-$here/../open-data/$dep}"
for tool in curl unzip; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

osm_path="$(awk -F'\t' -v d="$dep" '$1 == d { print $2 }' "$here/osm-extracts.tsv")"

# download <url> <file>: to a temporary name first, so that an interrupted download never looks complete
download() {
  local url="$1" file="$2"
  mkdir -p "$(dirname "$file")"
  echo "→ $url"
  curl -fL --retry 3 --retry-delay 5 --connect-timeout 30 -o "$file.part" "$url"
  if [[ ! -s "$file.part" ]]; then
    echo "Empty download from $url" >&2
    exit 1
  fi
  mv "$file.part" "$file"
}

mkdir -p "$target"
while IFS=$'\t' read -r name kind licence url output; do
  [[ -z "$name" || "$name" == \#* || "$name" == name ]] && continue
  if [[ "$name" == osm ]]; then
    [[ -n "${SKIP_OSM:-}" ]] && { echo "Skipping the OpenStreetMap extract (SKIP_OSM set)"; continue; }
    if [[ -n "${OSM_URL:-}" ]]; then
      url="$OSM_URL"
    elif [[ -z "$osm_path" ]]; then
      echo "No OpenStreetMap extract known for $dep: add it to gis/osm-extracts.tsv or set OSM_URL" >&2
      exit 1
    fi
  fi
  url="${url//\{dep\}/$dep}"
  url="${url//\{osm_path\}/$osm_path}"
  file="$target/${output//\{dep\}/$dep}"
  echo "$name ($licence)"
  download "$url" "$file"
  case "$file" in
    *.zip)
      # the INSEE zip holds one CSV in the base-cc layout (plus documentation): keep the CSV only
      unzip -o -j -q "$file" '*.[cC][sS][vV]' -d "$(dirname "$file")"
      rm "$file"
      ;;
    *.csv)
      if [[ "$kind" == finess ]] && ! head -c 14 "$file" | grep -qi '^finess;etalab'; then
        echo "$file does not start with 'finess;etalab': not the Etalab extract" >&2
        exit 1
      fi
      ;;
    *.geojson)
      head -c 200 "$file" | grep -q '"type"' || { echo "$file is not GeoJSON" >&2; exit 1; }
      ;;
  esac
done < "$here/sources.tsv"

echo "Done: $target"
echo "Import it with: java -jar target/proxima.jar import-dir $target"
