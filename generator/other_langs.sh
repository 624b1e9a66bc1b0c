#!/bin/sh
# `make other-langs`: the spec used from other languages. Generates TypeScript, Go, Java and C
# clients with the pinned openapi-generator, compiles each, and runs the scenario with the
# TypeScript client (generated code + clients/typescript/src/wire) against the strict emulator,
# then the /hpc scenario with the TypeScript client generated from openapi/hpc-rest.yaml alone.
# Generator settings are the languages' defaults except where the spec's client notes say why.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
spec="$root/openapi/hpc.yaml"
out="$root/build/other-langs"
rm -rf "$out" && mkdir -p "$out"
gen() {  # gen LANG DIR [extra args]: generate quietly, show the log on failure
  lang=$1 dir=$2 && shift 2
  openapi-generator-cli generate -i "$spec" -g "$lang" -o "$dir" "$@" > "$dir.log" 2>&1 \
    || { cat "$dir.log"; echo "$lang: generation failed"; exit 1; }
}
status=0

jar=$(python -c 'import openapi_generator_cli, pathlib; print(next(pathlib.Path(openapi_generator_cli.__file__).parent.glob("*.jar")))')
# C: the pinned jar's own templates with the fixes in generator/templates-c/NAME.patch (each
# patch's header says why); `patch -F0` fails if a generator upgrade changed a template.
c_templates() {
  mkdir -p "$out/templates-c"
  for fix in "$root"/generator/templates-c/*.patch; do
    name=$(basename "$fix" .patch)
    python -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("C-libcurl/" + sys.argv[2]))' \
      "$jar" "$name" > "$out/templates-c/$name"
    patch -s -F0 --no-backup-if-mismatch -d "$out/templates-c" -p1 < "$fix" || return 1
  done
}

# Go, Java, C generated in the background while TypeScript builds.
command -v go > /dev/null && gen go "$out/go" &
command -v javac > /dev/null && gen java "$out/java" --library native \
  --additional-properties=openApiNullable=false &
command -v cmake > /dev/null && { c_templates || { echo "C: template patch does not apply"; exit 1; }; } \
  && gen c "$out/c" -t "$out/templates-c" &

echo "== TypeScript (typescript-fetch, defaults) + wire layer: scenario on the strict emulator"
cd "$root/clients/typescript"
npm ci --no-audit --no-fund --loglevel=error
sh scripts/generate.sh
for dir in clients/typescript/src/generated clients/typescript/src/generated-rest; do
  if git -C "$root" rev-parse > /dev/null 2>&1 \
    && { ! git -C "$root" diff --quiet -- "$dir" || [ -n "$(git -C "$root" ls-files --others --exclude-standard -- "$dir")" ]; }; then
    echo "$dir is stale: commit the regenerated files"; status=1
  fi
done
npx tsc -p tsconfig.json
node dist/scenario/run.js || status=1
node dist/scenario/parity.js | python scenario/parity_check.py || status=1
echo "== TypeScript (typescript-fetch, defaults) from openapi/hpc-rest.yaml, no wire layer: /hpc scenario"
node dist/scenario/rest.js || status=1
wait

echo "== Go (defaults)"
if [ -d "$out/go" ]; then
  (cd "$out/go" && GOFLAGS=-mod=mod GOPROXY=off go build ./... && go vet . && echo "Go client compiles") \
    || { echo "Go client does not compile"; status=1; }
else
  echo "Go: skipped, no Go toolchain (apt-get install -y golang-go)"
fi

echo "== Java (--library native, openApiNullable=false)"
if [ -d "$out/java" ]; then
  # Maven Central may be unreachable: compile with javac. Jackson (with jsr310, not packaged
  # by Debian) from the pinned generator's own jar; @Generated and @Nullable from Debian.
  cp="$jar:/usr/share/java/jsr305.jar:/usr/share/java/geronimo-annotation-1.3-spec.jar"
  find "$out/java/src/main/java" -name '*.java' > "$out/java.sources"
  javac -nowarn -d "$out/java-classes" -cp "$cp" "@$out/java.sources" \
    && echo "Java client compiles: $(find "$out/java-classes" -name '*.class' | wc -l) classes" \
    || { echo "Java client does not compile"; status=1; }
else
  echo "Java: skipped, no JDK"
fi

echo "== C (defaults + generator/templates-c fixes): compile, link, and clients/c/smoke.c on the emulator"
if [ -d "$out/c" ]; then
  mkdir -p "$out/c/build"
  if (cd "$out/c/build" && cmake .. > ../cmake.log 2>&1 && make -j2 > ../make.log 2>&1); then
    echo "C client compiles: $(cd "$out/c/build" && ls lib*.so)"
    lib=$(cd "$out/c/build" && ls lib*.so | sed 's/^lib//; s/\.so$//')
    if gcc -Wall -Werror -o "$out/c-smoke" "$root/clients/c/smoke.c" -I"$out/c" -L"$out/c/build" -l"$lib" -lcurl; then
      emu="$out/c-emulator" && mkdir -p "$emu" && printf 'alice:s3cret-pw\n' > "$emu/users" && chmod 600 "$emu/users"
      python -m hpc_emulator --port 0 --data-dir "$emu/data" --ready-file "$emu/ready" --users-file "$emu/users" \
        --json-extension --log-level warning &
      pid=$!
      tries=0; while [ ! -s "$emu/ready" ] && [ $tries -lt 300 ]; do sleep 0.1; tries=$((tries + 1)); done
      LD_LIBRARY_PATH="$out/c/build" timeout 60 "$out/c-smoke" "$(cat "$emu/ready")/WindowsHpc" alice s3cret-pw || status=1
      kill "$pid"; wait "$pid" 2> /dev/null || true
    else
      echo "clients/c/smoke.c does not compile against the generated client"; status=1
    fi
  else
    echo "C client does not compile: $(grep -c 'error:' "$out/c/make.log") errors:"
    grep -o "error: .*" "$out/c/make.log" | sort | uniq -c | sort -rn | head -5
    cat "$out/c/cmake.log" | tail -5; status=1
  fi
elif command -v cmake > /dev/null; then
  echo "C client not generated (see above)"; status=1
else
  echo "C: skipped, no cmake/C compiler (apt-get install -y cmake gcc libcurl4-openssl-dev patch)"
fi
exit $status
