#!/bin/sh
# Runs one scenario as K shards, each in its own background process, then merges them:
#
#   docs/examples/run-shards.sh K scenario.json out-dir
#
# out-dir gets part-1.json … part-K.json (one per shard, as `stratum simulate --shard i/K`
# writes them) and results.json, which `stratum merge` makes from them: byte for byte the
# results of `stratum simulate scenario.json`. Each shard runs STRATUM_WORKERS worker threads
# (1 unless set), so K shards use about K cores. The same two commands, spread over a cluster's
# job array instead of one machine's processes, are in the README ("Large runs").
set -eu

usage() {
  echo "usage: $0 K scenario.json out-dir   (K: the number of shards, 1 to 10000)" >&2
  exit 2
}
[ "$#" -eq 3 ] || usage
k=$1
scenario=$2
out=$3
case $k in '' | *[!0-9]*) usage ;; esac
[ "$k" -ge 1 ] && [ "$k" -le 10000 ] || usage
if [ ! -r "$scenario" ]; then
  echo "$0: cannot read the scenario file $scenario" >&2
  exit 2
fi

# the command of the clone this script lives in (built by `npm install`)
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
stratum="$here/../../bin/stratum.mjs"
workers=${STRATUM_WORKERS:-1}
mkdir -p "$out"

pids=''
i=1
while [ "$i" -le "$k" ]; do
  node "$stratum" simulate "$scenario" --shard "$i/$k" --workers "$workers" > "$out/part-$i.json" &
  echo "shard $i/$k: process $!" >&2
  pids="$pids $!"
  i=$((i + 1))
done

# wait for every shard, not just the first failure, so none is left running
failed=0
i=1
for pid in $pids; do
  wait "$pid" || {
    failed=$?
    echo "$0: shard $i/$k (process $pid) failed with exit status $failed; not merging" >&2
  }
  i=$((i + 1))
done
[ "$failed" -eq 0 ] || exit "$failed"

set --
i=1
while [ "$i" -le "$k" ]; do
  set -- "$@" "$out/part-$i.json"
  i=$((i + 1))
done
# results.json appears only complete: a failed merge leaves none
node "$stratum" merge "$@" > "$out/results.json.partial" || {
  failed=$?
  rm -f "$out/results.json.partial"
  exit "$failed"
}
mv "$out/results.json.partial" "$out/results.json"
echo "merged $k shards into $out/results.json" >&2
