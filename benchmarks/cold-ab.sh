#!/usr/bin/env bash
# Two builds (or two sets of JVM options) of one cold command, alternated; run by hand.
#   benchmarks/cold-ab.sh JAR_A JAR_B [--] ARGS...     # e.g. the jar before a change and after it
#   AB_OPTS_B='-XX:+UseSerialGC' benchmarks/cold-ab.sh JAR JAR audit --trust T --population P DIR
# Each round runs A and B once each, in a fresh JVM, the order flipped every round (A B, B A, ...), so
# that a slow minute of the machine falls on both; it prints both sides' wall times, their medians,
# and the median and quartiles of the rounds' own ratios B / A (below 1: B is faster).
# Environment: AB_ROUNDS (default 8), AB_JVM (options for both sides; default the options ./evalledger
# gives these arguments on this machine, read off its own trace as benchmarks/peers/run.sh does: its
# collector, its young generation, its JIT), AB_OPTS_A and AB_OPTS_B (more options for one side),
# AB_DIR (the directory the command runs in; default the current one). Both sides must exit with the
# same code in every round, or it stops.
set -euo pipefail

die() { printf 'cold-ab.sh: %s\n' "$*" >&2; exit 2; }
(($# >= 2)) || die "usage: cold-ab.sh JAR_A JAR_B [--] ARGS... (see the comment at its top)"
jar_a="$1" jar_b="$2"
shift 2
[[ "${1:-}" == "--" ]] && shift
for j in "$jar_a" "$jar_b"; do [[ -f "$j" ]] || die "no jar $j"; done
rounds="${AB_ROUNDS:-8}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "AB_ROUNDS must be a whole number of at least 1, got '$rounds'"
read -r -a opts_a <<<"${AB_OPTS_A:-}"
read -r -a opts_b <<<"${AB_OPTS_B:-}"
launcher="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/evalledger"
cd "${AB_DIR:-.}"
if [[ -n "${AB_JVM+set}" ]]; then
  read -r -a jvm <<<"$AB_JVM"
else # the launcher's exec line for the same arguments and --help, from its bash -x trace
  read -r -a jvm <<<"$(bash -x "$launcher" "$@" --help 2>&1 >/dev/null | sed -n 's/^+ exec java \(.*\) -jar .*/\1/p')"
  [[ "${jvm[*]:-}" == *-XX:+Use*GC* ]] || die "could not read the JVM options of $launcher (bash -x of its exec line): set AB_JVM"
fi
echo "JVM options: ${jvm[*]}" >&2
# Where the launcher's options name its class-data archive (made by the build next to
# cli/target/evalledger.jar), each jar gets an archive of its own, made now by the build's own script
# (an archive serves only the jar it was made from), as ./evalledger would run that jar. With AB_JVM
# the options are used as given.
jvm_a=("${jvm[@]}") jvm_b=("${jvm[@]}")
if [[ -z "${AB_JVM+set}" ]]; then
  cds_dir=""
  for i in "${!jvm[@]}"; do
    if [[ "${jvm[$i]}" == -XX:SharedArchiveFile=* ]]; then
      [[ -n "$cds_dir" ]] || { cds_dir="$(mktemp -d "${TMPDIR:-/tmp}/cold-ab-cds.XXXXXX")" && trap 'rm -rf "$cds_dir"' EXIT; }
      bash "$(dirname "$launcher")/cli/src/build/class-data-archive.sh" "$jar_a" "$cds_dir/a.jsa"
      bash "$(dirname "$launcher")/cli/src/build/class-data-archive.sh" "$jar_b" "$cds_dir/b.jsa"
      jvm_a[i]="-XX:SharedArchiveFile=$cds_dir/a.jsa" jvm_b[i]="-XX:SharedArchiveFile=$cds_dir/b.jsa"
    fi
  done
fi

once() { # SIDE ARGS... -> "milliseconds exit-code"; the command's output is discarded
  local side=$1 jar=$jar_a start end rc=0
  shift
  local -a extra=("${opts_a[@]}") side_jvm=("${jvm_a[@]}")
  if [[ "$side" == b ]]; then jar=$jar_b extra=("${opts_b[@]}") side_jvm=("${jvm_b[@]}"); fi
  start=$(date +%s%N)
  java "${side_jvm[@]}" "${extra[@]}" -jar "$jar" "$@" >/dev/null 2>&1 || rc=$?
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $rc"
}
results=()
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then order=(a b); else order=(b a); fi
  declare -A ms=() rc=()
  for side in "${order[@]}"; do
    read -r t c < <(once "$side" "$@")
    ms[$side]=$t rc[$side]=$c
  done
  [[ "${rc[a]}" == "${rc[b]}" ]] || die "round $r: A exited ${rc[a]}, B ${rc[b]}: not the same command"
  results+=("${ms[a]} ${ms[b]}")
  awk -v r="$r" -v a="${ms[a]}" -v b="${ms[b]}" -v c="${rc[a]}" 'BEGIN { printf "round %d: A %.3f s, B %.3f s (exit %s)\n", r, a / 1000, b / 1000, c }' >&2
done
printf '%s\n' "${results[@]}" | awk -v rounds="$rounds" '
  function sort(v, k,    i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t } }
  function at(v, k, q,    p, lo) { p = 1 + (k - 1) * q; lo = int(p); return lo >= k ? v[k] : v[lo] + (p - lo) * (v[lo + 1] - v[lo]) }
  { a[NR] = $1 / 1000; b[NR] = $2 / 1000; ratio[NR] = $2 / $1; faster += $2 < $1; sa = sa sprintf(" %.2f", a[NR]); sb = sb sprintf(" %.2f", b[NR]) }
  END {
    sort(a, NR); sort(b, NR); sort(ratio, NR)
    printf "A median %.3f s (%s)\nB median %.3f s (%s)\n", at(a, NR, 0.5), substr(sa, 2), at(b, NR, 0.5), substr(sb, 2)
    printf "B / A by round: median %.3f, quartiles %.3f-%.3f; B faster in %d of %d\n", at(ratio, NR, 0.5), at(ratio, NR, 0.25), at(ratio, NR, 0.75), faster, NR
  }'
