#!/usr/bin/env bash
# The one-thread audit target of issue 7, judged as this machine allows: RUNS JMH runs, each timing
# AuditBench.auditOneThread and AuditBench.floorRawEd25519OneThread back to back (one fork each),
# then the ratio audit / floor of every run and their median. One run alone is not enough on a
# shared machine: its speed moves by a quarter between minutes, and JMH times the two benchmarks
# in two JVMs, one after the other (readings of one build spread from 0.67 to 0.91 in an hour).
# Each benchmark warms up for 30 s (AuditBench's own setting, given here explicitly): the audit's
# throughput still climbs for 15-20 s while C2 compiles it; a run takes about two minutes.
#
# Usage: benchmarks/audit-ratio.sh [RUNS] [JAR]   (defaults: 6, benchmarks/target/benchmarks.jar)
# Build the jar first: mvn -B -q install -DskipTests
set -euo pipefail
runs=${1:-6}
jar=${2:-"$(dirname "$0")/target/benchmarks.jar"}
if [ ! -f "$jar" ]; then
  echo "no $jar: build it first with 'mvn -B -q install -DskipTests'" >&2
  exit 2
fi
case "$runs" in
  ''|*[!0-9]*|0) echo "RUNS must be a positive whole number, got '$runs'" >&2; exit 2 ;;
esac
ratios=()
for i in $(seq 1 "$runs"); do
  out=$(java -Xmx2g -jar "$jar" "AuditBench\.(auditOneThread|floorRawEd25519OneThread)" \
    -f 1 -wi 6 -w 5s -i 5 -r 5s 2>&1)
  audit=$(awk '$1 == "AuditBench.auditOneThread" { print $4 }' <<<"$out")
  floor=$(awk '$1 == "AuditBench.floorRawEd25519OneThread" { print $4 }' <<<"$out")
  if [ -z "$audit" ] || [ -z "$floor" ]; then
    echo "run $i: JMH printed no result for both benchmarks; its output:" >&2
    echo "$out" | tail -20 >&2
    exit 1
  fi
  ratio=$(awk -v a="$audit" -v f="$floor" 'BEGIN { printf "%.3f", a / f }')
  ratios+=("$ratio")
  printf 'run %d: audit %s ops/s, floor %s ops/s, ratio %s\n' "$i" "$audit" "$floor" "$ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '
  { r[NR] = $1; if ($1 >= 0.75) met++ }
  END {
    median = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    printf "%d runs: median %.3f (lowest %.3f, highest %.3f); %d of %d at or above 0.75\n", NR, median, r[1], r[NR], met + 0, NR
  }'
