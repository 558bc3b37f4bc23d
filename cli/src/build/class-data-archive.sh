#!/usr/bin/env bash
# class-data-archive.sh JAR [ARCHIVE]: makes the class-data archive (a static CDS archive) that
# ./evalledger gives the JVM for JAR. The cli module's build runs it on cli/target/evalledger.jar
# after shading it; benchmarks/peers/run.sh and benchmarks/cold-ab.sh run it on the copies they time.
#
# The archive holds the JDK's and the jar's classes that a round of training commands loads (demo,
# keygen, import of a leaderboard table, validate, sign, trust add, verify, countersign, check, audit
# against the table, export, and the ledger's init, append, checkpoint, prove, verify-proof, history,
# consistency and verify on SQLite, all in a scratch directory), already parsed, verified and linked:
# a JVM given it maps them instead of reading them out of the jar and the JDK's image, which takes
# 0.05-0.2 s off the start of every command, a fifth to two fifths of a command on one file
# (docs/performance.md, "Twenty-second step"). Picocli's classes are in it too, but compiled for
# Java 5, so the JVM still verifies them when it links them.
#
# The JVM uses an archive only with the jar it was listed from, at the same path, with the same size
# and modification time, and with the same JDK build; otherwise it shares no class at all, slower
# than with no archive. So the launcher gives it only when it is newer than the jar and than the
# JDK's image and ARCHIVE.stamp (written here) names this jar and this java; and it turns the JVM's
# warnings about class sharing off, so that none reaches a command's output.
#
# ARCHIVE (default: JAR with .jsa for .jar) is written under a temporary name and renamed once the
# dump has succeeded, so no half-written archive is ever left at ARCHIVE. If a training command
# fails, a warning names it and the archive is made from the classes the others loaded; if the dump
# fails, no archive is left and a warning says so. The exit code is 0 either way (2 for a usage
# error): the jar works without an archive, only slower to start. Uses the `java` on PATH, as
# ./evalledger does.
set -euo pipefail
if (($# < 1 || $# > 2)); then
  echo "usage: class-data-archive.sh JAR [ARCHIVE]" >&2
  exit 2
fi
[[ -f "$1" ]] || { echo "class-data-archive.sh: no jar $1" >&2; exit 2; }
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" # the JVM records the path it is given
archive="${2:-${jar%.jar}.jsa}"
warn() { echo "class-data-archive.sh: warning: $*" >&2; }
rm -f "$archive" "$archive.stamp"
if ! java_bin="$(readlink -f "$(command -v java)" 2>/dev/null)" || [[ -z "$java_bin" ]]; then
  warn "no java on PATH, so no class-data archive for $jar (./evalledger runs the java on PATH)"
  exit 0
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/evalledger-cds.XXXXXX")"
tmp="$archive.$$.tmp"
trap 'rm -rf "$work"; rm -f "$tmp"' EXIT

n=0
# train EXIT_CODES ARGS...: one evalledger command in the scratch directory, in the launcher's JVM
# for a short command, listing the classes it loads; EXIT_CODES (e.g. 0 or 0,1) are the ones expected
train() {
  local codes=",$1," rc=0
  shift
  n=$((n + 1))
  (cd "$work" && java -XX:DumpLoadedClassList="$work/classes.$n" -XX:+UseParallelGC -XX:TieredStopAtLevel=1 \
    -jar "$jar" "$@" >"$work/out" 2>"$work/err") || rc=$?
  if [[ "$codes" != *",$rc,"* ]]; then
    warn "training command 'evalledger $*' exited $rc:"
    tail -n 3 "$work/err" >&2 || true
  fi
}

# A leaderboard table of 40 made-up models (the Open LLM Leaderboard v1's columns), enough for the
# population's detectors to fit.
{
  echo "t,model,average,arc,hellaswag,mmlu,truthfulqa,winogrande,gsm8k,type,architecture,weight_type,precision,merged,hub_license,params_b,hub_hearts,available_on_the_hub,model_sha,flagged,moe,date,fullname,url"
  for ((i = 1; i <= 40; i++)); do
    s=$((30 + i))
    printf 'P,training/model-%02d,%d.5,%d.1,%d.2,%d.3,%d.4,%d.6,%d.7,pretrained,LlamaForCausalLM,Original,bfloat16,FALSE,apache-2.0,%d,0,TRUE,%040x,FALSE,FALSE,2024-01-%02dT00:00:00Z,training/model-%02d,https://huggingface.co/training/model-%02d\n' \
      "$i" "$s" "$s" $((s + 20)) $((s + 5)) $((s - 10)) $((s + 25)) $((s - 20)) $((i % 7 + 1)) "$i" $((i % 28 + 1)) "$i" "$i"
  done
} >"$work/table.csv"

train 0 demo
train 0 keygen --algorithm ed25519 --out key
train 0 keygen --algorithm ecdsa-p256 --out reviewer
train 0 import --from leaderboard-csv --producer Training --created-at 2026-01-01T00:00:00Z --out records table.csv
records=("$work"/records/*.json)
train 0 validate "${records[0]}"
train 0 sign --key key.key --out envelopes/ "${records[@]:0:5}"
envelopes=("$work"/envelopes/*.json)
train 0 countersign --key reviewer.key --out countersigned/ "${envelopes[@]}"
train 0 trust add --key key.pub --owner Training --policy trust.json --role producer --role hub
train 0 trust add --key reviewer.pub --owner Reviewer --policy trust.json --role verifier
train 0 verify --trust trust.json countersigned
train 0,1 check --population table.csv countersigned
train 0,1 audit --trust trust.json --population table.csv countersigned
train 0 export --to eee --out eee "${records[0]}"
train 0 ledger init --db ledger.db --key key.key --origin training.invalid/evalledger
train 0 ledger append --db ledger.db --trust trust.json countersigned
train 0 ledger checkpoint --db ledger.db
train 0 ledger prove --db ledger.db --index 0 --format json
cp "$work/out" "$work/proof.json"
train 0 ledger verify-proof --hub-key key.pub --proof proof.json
train 0 ledger history --db ledger.db training/model-01
train 0 ledger consistency --db ledger.db --from-size 2
train 0 ledger verify --db ledger.db

# one list, each class once, in the order first loaded
cat "$work"/classes.* 2>/dev/null | awk '!/^#/ && !seen[$0]++' >"$work/classes"
if java -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$tmp" -cp "$jar" >"$work/dump" 2>&1 &&
  [[ -s "$tmp" ]]; then
  mv -f "$tmp" "$archive"
  printf '%s %s\n' "$jar" "$java_bin" >"$archive.stamp"
else
  warn "no class-data archive for $jar (the dump failed; the jar works without one, only slower to start):"
  tail -n 5 "$work/dump" >&2 || true
fi
