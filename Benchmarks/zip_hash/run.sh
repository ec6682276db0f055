#!/usr/bin/env bash
# Times Ferry's hashing and zipping against sha256sum, `zip -X -r` and Python's zipfile on the same files.
# Usage: Benchmarks/zip_hash/run.sh [data-folder]
#   Without a folder it generates one under $TMPDIR: 20,000 small files plus 20 files of 1 MiB.
# Builds the `ferry-bench` executable (release) from this package. Prints each time and the ratios
# (other tool / Ferry: above 1 means Ferry is faster). Numbers go to BENCHMARKS.md by hand.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

data="${1:-}"
if [[ -z "$data" ]]; then
  data="$work/data"
  python3 "$here/make_data.py" "$data"
fi

(cd "$root" && swift build -c release --product ferry-bench >/dev/null)
bench="$(cd "$root" && swift build -c release --show-bin-path)/ferry-bench"

now() { python3 -c 'import time; print(time.monotonic())'; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }

sync
echo "data: $data ($(find "$data" -type f | wc -l) files, $(du -sh "$data" | cut -f1))"
cat "$(find "$data" -type f | head -1)" >/dev/null  # warm the page cache a little
find "$data" -type f -print0 | xargs -0 cat >/dev/null

ferry_out="$("$bench" "$data" "$work/ferry.zip")"
ferry_hash="$(awk '/^hash/ {print $2}' <<<"$ferry_out")"
ferry_zip="$(awk '/^zip / {print $2}' <<<"$ferry_out")"

t0=$(now); (cd "$data" && find . -type f -print0 | sort -z | xargs -0 sha256sum >/dev/null); t1=$(now)
sha_time=$(elapsed "$t0" "$t1")

t0=$(now); (cd "$data" && zip -X -r -q "$work/infozip.zip" .); t1=$(now)
zip_time=$(elapsed "$t0" "$t1")

t0=$(now); python3 "$here/py_zip.py" "$data" "$work/python.zip"; t1=$(now)
py_time=$(elapsed "$t0" "$t1")

ratio() { python3 -c "print(f'{$1 / $2:.2f}x' if $2 > 0 else 'n/a')"; }
printf '%-28s %8s s\n' "ferry hash (swift-crypto)" "$ferry_hash" "sha256sum" "$sha_time"
printf '%-28s %8s s\n' "ferry zip" "$ferry_zip" "zip -X -r" "$zip_time" "python zipfile" "$py_time"
echo "ratio sha256sum / ferry hash:   $(ratio "$sha_time" "$ferry_hash")"
echo "ratio zip -X -r / ferry zip:    $(ratio "$zip_time" "$ferry_zip")"
echo "ratio python / ferry zip:       $(ratio "$py_time" "$ferry_zip")"
ls -l "$work"/*.zip | awk '{print $5, $9}'
