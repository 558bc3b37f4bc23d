#!/usr/bin/env bash
# class-data-archive.sh JAR [ARCHIVE]: makes the class-data archive (a dynamic CDS archive, JDK 13+)
# that ./evalledger gives the JVM for JAR. The cli module's build runs it on cli/target/evalledger.jar
# after shading it; benchmarks/peers/run.sh and benchmarks/cold-ab.sh run it on the copies they time.
#
# The archive holds the classes that one `evalledger demo` loads (signing, verification, validation,
# the audit against a population, the record model), already parsed, verified and linked: a JVM
# given it maps them instead of reading them out of the jar, which takes some 0.1 s off the start of
# every command (docs/performance.md, "Twenty-second step"). The JVM uses an archive only with the
# jar it was made for, at the same path, with the same size and modification time, and with the same
# JVM; otherwise it ignores it and loads the classes from the jar as without one (the launcher turns
# the JVM's warning about that off, so that it never reaches the command's output).
#
# ARCHIVE (default: JAR with .jsa for .jar) is written under a temporary name and renamed when the
# JVM that wrote it has exited cleanly, so no half-written archive is ever left at ARCHIVE: the JVM
# of JDK 17 would crash on a truncated one rather than refuse it. If the training command fails, the
# archive is removed and a warning printed; the exit code is 0 all the same, because the jar works
# without it (only slower to start). Uses the `java` on PATH, as ./evalledger does.
set -euo pipefail
if (($# < 1 || $# > 2)); then
  echo "usage: class-data-archive.sh JAR [ARCHIVE]" >&2
  exit 2
fi
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" # the JVM records the path it was given
[[ -f "$jar" ]] || { echo "class-data-archive.sh: no jar $1" >&2; exit 2; }
archive="${2:-${jar%.jar}.jsa}"
work="$(mktemp -d "${TMPDIR:-/tmp}/evalledger-cds.XXXXXX")"
tmp="$archive.$$.tmp"
trap 'rm -rf "$work"; rm -f "$tmp"' EXIT
rm -f "$archive"
# The launcher's collector and JIT for a short command: the archive is not tied to either, but the
# training run is then the kind of run that will use it.
if (cd "$work" && java -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar "$jar" demo >"$work/out" 2>&1) && [[ -s "$tmp" ]]; then
  mv -f "$tmp" "$archive"
else
  echo "class-data-archive.sh: warning: no class-data archive for $jar (the training run failed;" \
    "the jar works without one, only slower to start):" >&2
  tail -n 5 "$work/out" >&2 || true
fi
