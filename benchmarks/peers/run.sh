#!/usr/bin/env bash
# Peer comparison for `evalledger audit` (issue 7), run by hand; see README.md.
#   benchmarks/peers/run.sh            # 10,000 envelopes, corpus kept in $TMPDIR for the next run
# Environment: PEERS_N (uploads, default 10000), PEERS_CORPUS (corpus dir), PEERS_POPULATION (audit
# population, default the Open LLM Leaderboard v1 table), PEERS_REBUILD=1 (regenerate the corpus).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${PEERS_N:-10000}"
corpus="${PEERS_CORPUS:-${TMPDIR:-/tmp}/evalledger-peers-$n}"
shared="$root/../shared/corpus"
population="${PEERS_POPULATION:-$shared/leaderboards/open_llm_leaderboard_v1.csv}"
lmeval="$shared/formats/lm_eval_results_2026-01-21T03-44-18.458309.json"
schema="$root/schema/src/main/resources/org/evalledger/schema/record-v1.schema.json"
py=/usr/bin/python3 # Debian's python, which sees python3-jsonschema and python3-nacl
evalledger="$root/evalledger"

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# --- 0. tools (idempotent) ---------------------------------------------------------------------
[[ -f "$root/cli/target/evalledger.jar" ]] ||
  die "cli/target/evalledger.jar is missing: build it first (./evalledger --version builds it), so no build is timed"
if ! "$py" -c 'import jsonschema, nacl' 2>/dev/null; then
  say "installing python3-jsonschema python3-nacl (apt)"
  apt-get update -qq && apt-get install -y -qq python3-jsonschema python3-nacl >/dev/null
fi
if [[ ! -f "$here/node_modules/ajv/package.json" ]]; then
  say "installing ajv (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi

# --- 1. corpus: N signed envelopes, a trust policy, self-check uploads ---------------------------
if [[ "${PEERS_REBUILD:-0}" == 1 || "$(cat "$corpus/.complete" 2>/dev/null)" != "$n" ]]; then
  say "generating $n signed envelopes in $corpus"
  rm -rf "$corpus" && mkdir -p "$corpus/template" "$corpus/empty-population"
  "$evalledger" import --from lm-eval --out "$corpus/template" "$lmeval" >/dev/null 2>&1
  "$py" "$here/gen-records.py" "$corpus"/template/*.json "$population" "$corpus/records" "$n"
  "$evalledger" keygen --algorithm ed25519 --out "$corpus/producer" >/dev/null
  "$evalledger" trust add --policy "$corpus/trust.json" --key "$corpus/producer.pub" \
    --owner peers-benchmark --role producer >/dev/null
  find "$corpus/records" -name '*.json' | sort | # xargs: thousands of records per JVM
    xargs "$evalledger" sign --key "$corpus/producer.key" --out "$corpus/envelopes/" >"$corpus/sign.log"
  "$py" "$here/selfcheck.py" "$(find "$corpus/envelopes" -name '*.json' | sort | head -1)" \
    "$corpus/producer.key" "$corpus/selfcheck"
  echo "$n" >"$corpus/.complete"
else
  say "reusing the corpus in $corpus"
fi
files=$(find "$corpus/envelopes" -name '*.json' | wc -l)
[[ "$files" == "$n" ]] || die "expected $n envelopes in $corpus/envelopes, found $files"

node_peer() { node "$here/node-peer.js" --trust "$corpus/trust.json" --schema "$schema" "$@"; }
python_peer() { "$py" "$here/python-peer.py" --trust "$corpus/trust.json" --schema "$schema" "$@"; }
# Our audit runs from a copy of the jar taken now: the same `java -jar` that ./evalledger execs, but a
# rebuild of cli/target/ during the runs cannot pull classes from under it.
out="$corpus/out" && rm -rf "$out" && mkdir -p "$out"
built="$(stat -c %y "$root/cli/target/evalledger.jar" | cut -d. -f1)"
cp "$root/cli/target/evalledger.jar" "$out/evalledger.jar"
jar="sha256 $(sha256sum "$out/evalledger.jar" | cut -c1-12)…, built $built"
audit() { java -jar "$out/evalledger.jar" audit --trust "$corpus/trust.json" "$@"; }

# --- 2. self-check: every tool accepts good.json and rejects the two bad uploads -----------------
say "self-check: tampered.json (one payload byte changed) and schema-invalid.json (re-signed) must fail"
for peer in node_peer python_peer; do
  "$peer" "$corpus/selfcheck" >"$out/$peer.check" 2>"$out/$peer.check.err"
  grep -Eq '"ok": *1, *"failed": *2' "$out/$peer.check" &&
    grep -q 'tampered.json: signature by trusted key .* does not verify' "$out/$peer.check.err" &&
    grep -q 'schema-invalid.json: schema: /results/0/metrics/0/unit' "$out/$peer.check.err" ||
    die "$peer failed the self-check: $(cat "$out/$peer.check" "$out/$peer.check.err")"
done
audit --population "$corpus/empty-population" "$corpus/selfcheck" >"$out/ours.check" || true
grep -Eq '^ACCEPT .*good\.json$' "$out/ours.check" &&
  grep -Eq '^REJECT +EL-SIG-BAD-SIGNATURE .*tampered\.json$' "$out/ours.check" &&
  grep -Eq '^REJECT .*schema-invalid\.json$' "$out/ours.check" ||
  die "evalledger audit failed the self-check: $(cat "$out/ours.check")"
say "self-check passed: each tool rejects exactly the 2 bad uploads"

# --- 3. timed runs (wall time of the whole command, start-up included) ---------------------------
find "$corpus/envelopes" -name '*.json' -exec cat {} + >/dev/null # warm the page cache for everyone
hz=$(getconf CLK_TCK) cores=$(nproc)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; } # all CPUs, not idle
wait_quiet() { # up to PEERS_QUIET_WAIT s (default 60) for 5 s in a row with the machine under 5% busy
  local deadline=$((SECONDS + ${PEERS_QUIET_WAIT:-60})) b0
  while ((SECONDS < deadline)); do
    b0=$(busy_ticks) && sleep 5
    (($(busy_ticks) - b0 < hz * cores * 5 / 20)) && return 0
  done
  say "WARNING: the machine is busy (another job?): timing anyway, see the 'other' column"
}

timed() { # ID LABEL CMD... : stdout to $out/ID; appends "ID|LABEL|wall s|cpu s|other load %" to $out/rows
  local id="$1" label="$2" b0 rc=0 real user sys
  shift 2
  wait_quiet
  say "running $id"
  b0=$(busy_ticks)
  TIMEFORMAT='%R %U %S'
  { time "$@" >"$out/$id" 2>"$out/$id.err"; } 2>"$out/$id.time" || rc=$?
  ((rc <= 1)) || die "$id exited $rc: $(tail -5 "$out/$id.err")"
  read -r real user sys <"$out/$id.time"
  # other load: CPU time the whole machine spent beyond this command's own user+sys, as % of all cores
  awk -v id="$id" -v l="$label" -v r="$real" -v u="$user" -v s="$sys" -v d=$(($(busy_ticks) - b0)) -v hz="$hz" -v c="$cores" \
    'BEGIN { o = 100 * (d / hz - u - s) / (r * c); printf "%s|%s|%s|%.1f|%.0f\n", id, l, r, u + s, o < 0 ? 0 : o }' >>"$out/rows"
}
# The peers are single-threaded; taskset keeps their runtimes' helper threads (GC, libuv) on that core too.
timed node "node-peer.js (ajv + node:crypto), 1 thread" \
  taskset -c 0 node "$here/node-peer.js" --trust "$corpus/trust.json" --schema "$schema" "$corpus/envelopes"
timed python "python-peer.py (jsonschema + PyNaCl), 1 thread" \
  taskset -c 0 "$py" "$here/python-peer.py" --trust "$corpus/trust.json" --schema "$schema" "$corpus/envelopes"
timed ours "evalledger audit, all $cores cores" audit --population "$population" "$corpus/envelopes"
timed ours1 "evalledger audit, 1 core (taskset -c 0)" \
  taskset -c 0 java -jar "$out/evalledger.jar" audit --trust "$corpus/trust.json" --population "$population" "$corpus/envelopes"

# Honesty checks: the peers accepted every upload; ours rejected none and saw all of them.
for p in node python; do
  grep -Eq "\"files\": *$n, *\"ok\": *$n, *\"failed\": *0" "$out/$p" || die "$p did not accept all $n: $(cat "$out/$p")"
done
for o in ours ours1; do
  grep -Eq " 0 rejected \\($n uploads in " "$out/$o" || die "$o: $(tail -1 "$out/$o")"
done

# --- 4. the table ---------------------------------------------------------------------------------
# Each command's wall time, start-up included; for ours also the figure it prints itself
# ("N uploads in S s, R uploads/s"), whose clock starts once the JVM, policy and population are loaded.
own_rate() { tail -1 "$out/$1" | sed -E 's/.*uploads in [0-9.]+ s, ([0-9.]+) uploads\/s.*/\1/'; }
loop_s() { sed -E 's/.*"seconds": *([0-9.]+).*/\1/' "$out/$1"; }
awk -F'|' -v n="$n" -v r_ours="$(own_rate ours)" -v r_ours1="$(own_rate ours1)" \
  -v l_node="$(loop_s node)" -v l_python="$(loop_s python)" '
  function row(label, sec, cpu, other) {
    printf "%-52s %6d %8.2f %8s %9.0f %9.0f %8.2fx %6s\n", label, n, sec, cpu, 1e6 * sec / n, n / sec, sec / base, other
  }
  { label[$1] = $2; wall[$1] = $3; cpu[$1] = $4; other[$1] = $5 "%" }
  END {
    base = wall["ours"]
    printf "%-52s %6s %8s %8s %9s %9s %9s %6s\n", "tool", "files", "wall s", "cpu s", "us/upload", "uploads/s", "vs ours", "other"
    row(label["ours"], wall["ours"], cpu["ours"], other["ours"])
    row("  same run, its own timer (after start-up)", n / r_ours, "", "")
    row(label["ours1"], wall["ours1"], cpu["ours1"], other["ours1"])
    row("  same run, its own timer (after start-up)", n / r_ours1, "", "")
    row(label["node"], wall["node"], cpu["node"], other["node"])
    row(label["python"], wall["python"], cpu["python"], other["python"])
    print "vs ours: wall seconds / the all-cores evalledger audit wall seconds (above 1 = slower than ours)."
    print "cpu s: user + sys of the command; other: CPU used by anything else on the machine meanwhile (% of all cores)."
    printf "start-up (runtime, libraries, schema compile, listing; population load for ours): ours %.1f s (all cores), %.1f s (1 core), node %.2f s, python %.2f s.\n", wall["ours"] - n / r_ours, wall["ours1"] - n / r_ours1, wall["node"] - l_node, wall["python"] - l_python
  }' "$out/rows"
echo "evalledger audit decided (all cores): $(tail -1 "$out/ours" | sed 's/ (.*//'); the peers accepted all $n."
echo "machine: $cores cores, $(lscpu | sed -n 's/^Model name: *//p'); $(java -version 2>&1 | head -1); node $(node --version) ajv $(node -p "require('$here/node_modules/ajv/package.json').version");" \
  "python $("$py" -c 'import platform; from importlib.metadata import version as v; print(platform.python_version(), "jsonschema", v("jsonschema"), "PyNaCl", v("PyNaCl"))')"
echo "evalledger: commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), jar $jar"
say "raw outputs in $out"
