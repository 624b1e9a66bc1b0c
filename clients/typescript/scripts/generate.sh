#!/bin/sh
# Regenerate src/generated from ../../openapi/hpc.yaml with the pinned openapi-generator
# (typescript-fetch, generator defaults only) and bundle the spec as JSON for the wire layer.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/src/generated"
rm -rf "$out"
openapi-generator-cli generate -i "$root/openapi/hpc.yaml" -g typescript-fetch -o "$out" > "$here/generate.log" 2>&1 \
  || { cat "$here/generate.log"; exit 1; }
rm -rf "$out/docs" "$out/.openapi-generator" "$out/.openapi-generator-ignore" "$here/generate.log"
python -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"), indent=1, sort_keys=True); open(sys.argv[2], "a").write("\n")' \
  "$root/openapi/hpc.yaml" "$out/openapi.json"
