#!/bin/sh
# Regenerate, with the pinned openapi-generator (typescript-fetch, generator defaults only):
# src/generated from ../../openapi/hpc.yaml (WindowsHpc; plus the spec bundled as JSON for the
# wire layer) and src/generated-rest from ../../openapi/hpc-rest.yaml (the /hpc API, JSON:
# used as generated, no wire layer).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../.." && pwd)
gen() {  # gen SPEC OUT
  rm -rf "$2"
  openapi-generator-cli generate -i "$1" -g typescript-fetch -o "$2" > "$here/generate.log" 2>&1 \
    || { cat "$here/generate.log"; exit 1; }
  rm -rf "$2/docs" "$2/.openapi-generator" "$2/.openapi-generator-ignore" "$here/generate.log"
}
gen "$root/openapi/hpc.yaml" "$here/src/generated"
gen "$root/openapi/hpc-rest.yaml" "$here/src/generated-rest"
python -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"), indent=1, sort_keys=True); open(sys.argv[2], "a").write("\n")' \
  "$root/openapi/hpc.yaml" "$here/src/generated/openapi.json"
