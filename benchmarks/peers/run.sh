#!/usr/bin/env bash
# Peer comparison for `evalledger audit` (issue 7), run by hand; see README.md.
#   benchmarks/peers/run.sh            # 10,000 envelopes, corpus kept in $TMPDIR for the next run
# Environment: PEERS_N (uploads, default 10000), PEERS_CORPUS (corpus dir), PEERS_POPULATION (audit
# population, default the Open LLM Leaderboard v1 table), PEERS_REBUILD=1 (regenerate the corpus),
# PEERS_PASSES (passes of the steady-state runs of ours and Node, default 8), PEERS_PYTHON_PASSES
# (Python's, default 2: a pass takes about half a minute), PEERS_COLD_ROUNDS (rounds of the five cold
# commands, default 3; the table gives medians), PEERS_QUIET_WAIT (below).
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
passes="${PEERS_PASSES:-8}" py_passes="${PEERS_PYTHON_PASSES:-2}" rounds="${PEERS_COLD_ROUNDS:-3}"
inproc_class="$root/cli/target/test-classes/org/evalledger/cli/InProcessAudit.class"

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# --- 0. tools (idempotent) ---------------------------------------------------------------------
[[ -f "$root/cli/target/evalledger.jar" ]] ||
  die "cli/target/evalledger.jar is missing: build it first (./evalledger --version builds it), so no build is timed"
# The in-process audit is a test class (cli/src/test/java): package -DskipTests compiles the tests too
# (it only skips running them), so this one command builds both the jar and the class.
[[ -f "$inproc_class" ]] ||
  die "cli/target/test-classes has no InProcessAudit.class: build it first with 'mvn -B -q -pl cli -am package -DskipTests' (from $root), so no build is timed"
[[ ! "$root/cli/src/test/java/org/evalledger/cli/InProcessAudit.java" -nt "$inproc_class" ]] ||
  die "InProcessAudit.class is older than its source: rebuild with 'mvn -B -q -pl cli -am package -DskipTests' (from $root)"
for v in passes py_passes; do # the last pass is the warm one: a single pass would only repeat the cold rows
  [[ "${!v}" =~ ^[1-9][0-9]*$ && "${!v}" -ge 2 ]] || die "PEERS_PASSES and PEERS_PYTHON_PASSES must be whole numbers of at least 2, got '${!v}'"
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "PEERS_COLD_ROUNDS must be a whole number of at least 1, got '$rounds'"
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
# The JVM options ./evalledger chooses for this audit on this machine (its collector, its young
# generation's cap, its JIT, which depends on the number of uploads, and EVALLEDGER_JAVA_OPTS if set),
# read off the launcher's own trace of its exec of the same audit with --help, so that the JVM timed is
# the one the command runs in: taken from the launcher, not copied from it.
launcher_jvm() { bash -x "$root/evalledger" "$@" --help 2>&1 >/dev/null | sed -n 's/^+ exec java \(.*\) -jar .*/\1/p'; }
read -r -a jvm <<<"$(launcher_jvm audit --trust "$corpus/trust.json" --population "$population" "$corpus/envelopes")"
# The in-process audit is the library in a long-running hub: it runs in the JVM the launcher gives a
# long batch job (ledger verify's: both compilers unless EVALLEDGER_JAVA_OPTS names the JIT).
read -r -a hub_jvm <<<"$(launcher_jvm ledger verify)"
[[ "${jvm[*]:-}" == *-XX:+Use*GC* && "${hub_jvm[*]:-}" == *-XX:+Use*GC* ]] ||
  die "could not read the JVM options ./evalledger uses (bash -x of its exec line): update run.sh to match"
# The launcher gives the JVM the class-data archive that the build made next to the jar; an archive
# serves only the jar at the path it was made from, so the copy gets one of its own, made by the
# build's own script. The in-process audit is the library embedded in a hub, which has no archive of
# ours: its options go without one.
for i in "${!jvm[@]}"; do
  if [[ "${jvm[$i]}" == -XX:SharedArchiveFile=* ]]; then
    bash "$root/cli/src/build/class-data-archive.sh" "$out/evalledger.jar" "$out/evalledger.jsa"
    jvm[i]="-XX:SharedArchiveFile=$out/evalledger.jsa"
  fi
done
hub_kept=()
for o in "${hub_jvm[@]}"; do
  [[ "$o" == -XX:SharedArchiveFile=* || "$o" == -Xlog:cds* ]] || hub_kept+=("$o")
done
hub_jvm=("${hub_kept[@]}")
audit() { java "${jvm[@]}" -jar "$out/evalledger.jar" audit --trust "$corpus/trust.json" "$@"; }
# The in-process audit's class is copied too, for the same reason; it runs against the copied jar.
mkdir -p "$out/test-classes/org/evalledger/cli" && cp "$(dirname "$inproc_class")"/InProcessAudit*.class "$out/test-classes/org/evalledger/cli/"
inproc() {
  java "${hub_jvm[@]}" -cp "$out/evalledger.jar:$out/test-classes" org.evalledger.cli.InProcessAudit --trust "$corpus/trust.json" "$@"
}

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
# The cold commands, PEERS_COLD_ROUNDS rounds of all five (ID.ROUND), each round in an order turned
# by one from the last, so that a minute when the machine is slow does not fall on one tool alone.
# The peers are single-threaded; taskset keeps their runtimes' helper threads (GC, libuv) on that core too.
cold_run() { # TOOL ROUND
  case "$1" in
    node) timed "node.$2" "node-peer.js (ajv + node:crypto), 1 thread" \
      taskset -c 0 node "$here/node-peer.js" --trust "$corpus/trust.json" --schema "$schema" "$corpus/envelopes" ;;
    python) timed "python.$2" "python-peer.py (jsonschema + PyNaCl), 1 thread" \
      taskset -c 0 "$py" "$here/python-peer.py" --trust "$corpus/trust.json" --schema "$schema" "$corpus/envelopes" ;;
    ours) timed "ours.$2" "evalledger audit, all $cores cores" audit --population "$population" "$corpus/envelopes" ;;
    ours1) timed "ours1.$2" "evalledger audit, 1 core (taskset -c 0)" \
      taskset -c 0 java "${jvm[@]}" -jar "$out/evalledger.jar" audit --trust "$corpus/trust.json" --population "$population" "$corpus/envelopes" ;;
    # the peers' work and no more: an empty population, so no population detector runs (R1-R4 still do)
    bare) timed "bare.$2" "evalledger audit, empty population, all $cores cores" audit --population "$corpus/empty-population" "$corpus/envelopes" ;;
  esac
}
cold_tools=(node python ours ours1 bare)
for ((r = 1; r <= rounds; r++)); do
  for ((i = 0; i < ${#cold_tools[@]}; i++)); do
    cold_run "${cold_tools[(i + r - 1) % ${#cold_tools[@]}]}" "$r"
  done
done
# Steady state: the same work over the same files several times in one process, each pass timed; the
# table reports the last pass. Ours is the library as a long-running hub embeds it (InProcessAudit: the
# CLI's Auditor and AuditRun, policy and population loaded once); its threads are availableProcessors(),
# so under taskset -c 0 it runs on one thread, as the CLI does.
timed inproc "evalledger in-process audit, all $cores cores" \
  inproc --population "$population" --passes "$passes" "$corpus/envelopes"
timed inproc1 "evalledger in-process audit, 1 core (taskset -c 0)" \
  taskset -c 0 java "${hub_jvm[@]}" -cp "$out/evalledger.jar:$out/test-classes" org.evalledger.cli.InProcessAudit --trust "$corpus/trust.json" \
  --population "$population" --passes "$passes" "$corpus/envelopes"
timed nodeN "node-peer.js (ajv + node:crypto), 1 thread" \
  taskset -c 0 node "$here/node-peer.js" --trust "$corpus/trust.json" --schema "$schema" --passes "$passes" "$corpus/envelopes"
timed pythonN "python-peer.py (jsonschema + PyNaCl), 1 thread" \
  taskset -c 0 "$py" "$here/python-peer.py" --trust "$corpus/trust.json" --schema "$schema" --passes "$py_passes" "$corpus/envelopes"

# Honesty checks: the peers accepted every upload; ours rejected none and saw all of them.
for ((r = 1; r <= rounds; r++)); do
  for p in node.$r python.$r; do
    grep -Eq "\"files\": *$n, *\"ok\": *$n, *\"failed\": *0" "$out/$p" || die "$p did not accept all $n: $(cat "$out/$p")"
  done
  for o in ours.$r ours1.$r bare.$r; do
    grep -Eq " 0 rejected \\($n uploads in " "$out/$o" || die "$o: $(tail -1 "$out/$o")"
  done
done
# ... and in every pass: each peer's passes accepted all (a pass that failed other files exits 3, so
# timed stops the script), and the in-process audit decided exactly as the CLI did (it exits 3 when
# two of its passes disagree).
pass_list() { sed -nE 's/.*"passes": *\[([^]]*)\].*/\1/p' "$out/$1" | tr -d ' '; }
for p in nodeN:$passes pythonN:$py_passes; do
  id=${p%:*}
  grep -Eq "\"files\": *$n, *\"ok\": *$n, *\"failed\": *0" "$out/$id" || die "$id did not accept all $n: $(cat "$out/$id")"
  [[ "$(pass_list "$id" | awk -F, '{ print NF }')" == "${p#*:}" ]] || die "$id did not time ${p#*:} passes: $(cat "$out/$id")"
done
decided() { tail -1 "$out/$1" | sed 's/ (.*//'; }
for ((r = 1; r <= rounds; r++)); do # every cold audit of ours decided the same
  for o in ours.$r ours1.$r; do
    [[ "$(decided "$o")" == "$(decided ours.1)" ]] || die "$o decided $(decided "$o"), ours.1 $(decided ours.1)"
  done
  [[ "$(decided "bare.$r")" == "$(decided bare.1)" ]] || die "bare.$r decided $(decided "bare.$r"), bare.1 $(decided bare.1)"
done
for o in inproc inproc1; do
  [[ "$(grep -c '^pass ' "$out/$o")" == "$passes" && "$(decided "$o")" == "$(decided ours.1)" ]] &&
    grep -Eq " 0 rejected \\($n uploads in .* the same decisions in every pass\\)$" "$out/$o" ||
    die "$o did not decide as the CLI did ($(decided ours.1)) in $passes passes: $(tail -1 "$out/$o")"
done

# --- 4. the table ---------------------------------------------------------------------------------
# Each command's wall time, start-up included; for ours also the figure it prints itself
# ("N uploads in S s, R uploads/s"), whose clock starts once the JVM, policy and population are loaded.
# With several rounds, each figure is the median over the rounds, and "vs ours" the median of the
# rounds' own ratios (each tool against ours of the same round).
own_rate() { tail -1 "$out/$1" | sed -E 's/.*uploads in [0-9.]+ s, ([0-9.]+) uploads\/s.*/\1/'; }
loop_s() { sed -E 's/.*"seconds": *([0-9.]+).*/\1/' "$out/$1"; }
per_round() { # FUNCTION TOOL -> the function's value for each round, comma-separated
  local r v=()
  for ((r = 1; r <= rounds; r++)); do v+=("$("$1" "$2.$r")"); done
  (IFS=,; echo "${v[*]}")
}
awk -F'|' -v n="$n" -v rounds="$rounds" -v r_ours="$(per_round own_rate ours)" -v r_ours1="$(per_round own_rate ours1)" \
  -v l_node="$(per_round loop_s node)" -v l_python="$(per_round loop_s python)" '
  function median(list,    v, k, i, j, t) {
    k = split(list, v, ",")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
  }
  function of(tool, field,    r, list) { # the rounds values of one field of one tool, comma-separated
    for (r = 1; r <= rounds; r++) list = list (r > 1 ? "," : "") field[tool "." r]
    return list
  }
  function ratio(tool, base,    r, list) { # per round: the tool against ours (or base) of the same round
    if (base == "") base = "ours"
    for (r = 1; r <= rounds; r++) list = list (r > 1 ? "," : "") wall[tool "." r] / wall[base "." r]
    return list
  }
  function inverse(list,    v, k, i, out) { k = split(list, v, ","); for (i = 1; i <= k; i++) out = out (i > 1 ? "," : "") n / v[i]; return out }
  function most(list,    v, k, i, m) { k = split(list, v, ","); m = 0; for (i = 1; i <= k; i++) if (v[i] + 0 > m) m = v[i] + 0; return m }
  function row(label, sec, cpu, vs, other) {
    printf "%-52s %6d %8.2f %8s %9.0f %9.0f %8.2fx %6s\n", label, n, sec, cpu, 1e6 * sec / n, n / sec, vs, other
  }
  function tool(t) { row(label[t ".1"], median(of(t, wall)), median(of(t, cpu)), median(ratio(t)), most(of(t, other)) "%") }
  function spread(t,    v, k, i, out) {
    k = split(of(t, wall), v, ",")
    for (i = 1; i <= k; i++) out = out (i > 1 ? " " : "") sprintf("%.2f", v[i])
    return out
  }
  function ratios(t, base,    v, k, i, out) {
    k = split(ratio(t, base), v, ",")
    for (i = 1; i <= k; i++) out = out (i > 1 ? " " : "") sprintf("%.2f", v[i])
    return out
  }
  { label[$1] = $2; wall[$1] = $3; cpu[$1] = $4; other[$1] = $5 }
  END {
    printf "%-52s %6s %8s %8s %9s %9s %9s %6s\n", "tool", "files", "wall s", "cpu s", "us/upload", "uploads/s", "vs ours", "other"
    tool("ours")
    own = median(inverse(r_ours)); row("  same run, its own timer (after start-up)", own, "", own / median(of("ours", wall)), "")
    tool("ours1")
    own1 = median(inverse(r_ours1)); row("  same run, its own timer (after start-up)", own1, "", own1 / median(of("ours", wall)), "")
    tool("bare")
    tool("node")
    tool("python")
    print "vs ours: wall seconds / the all-cores evalledger audit wall seconds (above 1 = slower than ours)."
    print "cpu s: user + sys of the command; other: CPU used by anything else on the machine meanwhile (% of all cores)."
    if (rounds > 1) {
      printf "%d rounds of the five cold commands, each round in an order turned by one; wall s, cpu s, vs ours: medians over the rounds\n", rounds
      printf "(vs ours: of each round against ours of the same round); other: the most of any round. Wall seconds by round:\n"
      printf "  ours %s; 1 core %s; empty population %s; node %s; python %s\n", spread("ours"), spread("ours1"), spread("bare"), spread("node"), spread("python")
      printf "  vs ours by round: empty population %s; node %s; python %s\n", ratios("bare"), ratios("node"), ratios("python")
    }
    printf "start-up (runtime, libraries, schema compile, listing; for ours the policy and the part of the population load that the first uploads do not overlap): ours %.1f s (all cores), %.1f s (1 core), node %.2f s, python %.2f s.\n", median(of("ours", wall)) - own, median(of("ours1", wall)) - own1, median(of("node", wall)) - median(l_node), median(of("python", wall)) - median(l_python)
    printf "like for like (the peers do no anomaly check): against our audit with an empty population, the same work plus R1-R4,\n"
    printf "  node %.2fx, python %.2fx (medians of the per-round ratios%s; by round: node %s; python %s)\n", median(ratio("node", "bare")), median(ratio("python", "bare")), (rounds > 1 ? "" : ", one round"), ratios("node", "bare"), ratios("python", "bare")
  }' "$out/rows"
# The steady state: each tool's last pass against our in-process audit's last pass (all cores, and one
# core, like for like with the single-threaded peers). The first pass of the same process is shown too.
inproc_pass() { grep '^pass ' "$out/$1" | sed -n "$2" | sed -E 's/^pass [0-9]+: ([0-9.]+) s.*/\1/'; }
peer_pass() { pass_list "$1" | awk -F, -v w="$2" '{ print w == "1p" ? $1 : $NF }'; }
inproc_startup() { sed -nE 's/^start-up: ([0-9.]+) s .*/\1/p' "$out/$1"; }
echo
echo "steady state: the last of several passes over the same files in one process (start-up and earlier passes not counted)"
awk -F'|' -v n="$n" -v passes="$passes" -v py_passes="$py_passes" \
  -v f_inproc="$(inproc_pass inproc 1p)" -v l_inproc="$(inproc_pass inproc '$p')" \
  -v f_inproc1="$(inproc_pass inproc1 1p)" -v l_inproc1="$(inproc_pass inproc1 '$p')" \
  -v f_nodeN="$(peer_pass nodeN 1p)" -v l_nodeN="$(peer_pass nodeN '$p')" \
  -v f_pythonN="$(peer_pass pythonN 1p)" -v l_pythonN="$(peer_pass pythonN '$p')" \
  -v s_inproc="$(inproc_startup inproc)" -v s_inproc1="$(inproc_startup inproc1)" '
  function row(id, k) {
    printf "%-52s %6d %6d %8.2f %8.2f %9.0f %9.0f %8.2fx %8.2fx %6s\n", label[id], n, k, first[id], last[id], 1e6 * last[id] / n,
      n / last[id], last[id] / last["inproc"], last[id] / last["inproc1"], other[id]
  }
  { label[$1] = $2; other[$1] = $5 "%" }
  END {
    first["inproc"] = f_inproc; last["inproc"] = l_inproc; first["inproc1"] = f_inproc1; last["inproc1"] = l_inproc1
    first["nodeN"] = f_nodeN; last["nodeN"] = l_nodeN; first["pythonN"] = f_pythonN; last["pythonN"] = l_pythonN
    printf "%-52s %6s %6s %8s %8s %9s %9s %9s %9s %6s\n", "tool", "files", "passes", "first s", "last s", "us/upload", "uploads/s",
      "vs ours", "vs 1 core", "other"
    row("inproc", passes)
    row("inproc1", passes)
    row("nodeN", passes)
    row("pythonN", py_passes)
    print "us/upload, uploads/s: of the last pass. vs ours: last-pass seconds / the all-cores in-process last pass; vs 1 core: / the"
    print "one-core in-process last pass (the peers run on one core). first s: the first pass of the same process (cold)."
    print "other: as above, over the whole multi-pass command."
    printf "in-process start-up (trust policy, population load and fit, listing; not the JVM start): %.1f s (all cores), %.1f s (1 core).\n", s_inproc, s_inproc1
  }' "$out/rows"
# One pass is one or two seconds of a machine whose speed moves by a third between minutes: the median
# of each multi-pass tool's last three passes (Python's two, when it runs two) is a steadier reading.
inproc_passes() { grep '^pass ' "$out/$1" | sed -E 's/^pass [0-9]+: ([0-9.]+) s.*/\1/' | paste -sd, -; }
median_last() { # comma-separated seconds on stdin -> "us/upload (k passes)" for the median of the last k <= 3
  awk -F, -v n="$n" '{
    k = NF < 3 ? NF : 3
    for (i = 1; i <= k; i++) v[i] = $(NF - k + i)
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    m = k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
    printf "%.0f (last %d)", 1e6 * m / n, k
  }'
}
echo "median of the last passes, us/upload: ours $(inproc_passes inproc | median_last) on all cores, $(inproc_passes inproc1 | median_last) on 1 core;" \
  "node $(pass_list nodeN | median_last); python $(pass_list pythonN | median_last)."
echo "evalledger audit decided (all cores, every cold round): $(decided ours.1); the in-process audit the same in each of its $passes passes (all cores, 1 core);" \
  "the peers accepted all $n in every pass."
echo "machine: $cores cores, $(lscpu | sed -n 's/^Model name: *//p'); $(java -version 2>&1 | head -1); node $(node --version) ajv $(node -p "require('$here/node_modules/ajv/package.json').version");" \
  "python $("$py" -c 'import platform; from importlib.metadata import version as v; print(platform.python_version(), "jsonschema", v("jsonschema"), "PyNaCl", v("PyNaCl"))')"
echo "evalledger: commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), jar $jar; JVM options (./evalledger's): audit ${jvm[*]}; in-process ${hub_jvm[*]}"
say "raw outputs in $out"
