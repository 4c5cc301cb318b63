#!/usr/bin/env bash
# Checks that lmdoctor runs outside its clone as a user would install it: `npm pack`, then
# `npm install -g` of the tarball into an empty prefix, then `lmdoctor analyze` on a sample from
# another folder. With --offline (no registry at hand) the tarball is unpacked into the prefix
# and given this clone's node_modules instead of installing its dependencies; everything else
# is the same.
set -euo pipefail
cd "$(dirname "$0")/.."
clone=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm pack --silent --pack-destination "$work" --ignore-scripts >/dev/null # dist/ is built by now
tarball=$(ls "$work"/lmdoctor-*.tgz)
prefix="$work/prefix"
if [ "${1:-}" = "--offline" ]; then
  mkdir -p "$prefix/lib/node_modules/lmdoctor" "$prefix/bin"
  tar -xzf "$tarball" -C "$prefix/lib/node_modules/lmdoctor" --strip-components=1
  ln -s "$clone/node_modules" "$prefix/lib/node_modules/lmdoctor/node_modules"
  chmod +x "$prefix/lib/node_modules/lmdoctor/dist/cli/main.js" # as npm does for a bin
  ln -s ../lib/node_modules/lmdoctor/dist/cli/main.js "$prefix/bin/lmdoctor"
else
  npm install -g --prefix "$prefix" --no-audit --no-fund "$tarball" >/dev/null
fi

# Run from an empty folder, far from the clone: only what the package ships is at hand.
mkdir "$work/elsewhere"
cd "$work/elsewhere"
"$prefix/bin/lmdoctor" --version
"$prefix/bin/lmdoctor" analyze "$clone/sample-logs/default" --quiet >"$work/analyze.txt"
grep -q '^Migrations: 4 (3 succeeded, 1 failed)$' "$work/analyze.txt"
grep -q 'no-migration-network' "$work/analyze.txt"
"$prefix/bin/lmdoctor" query --list --format csv >"$work/queries.csv"
grep -q '^events-per-node-channel,' "$work/queries.csv" # the canned queries ship too
"$prefix/bin/lmdoctor" sources M1 --format csv >"$work/sources.csv"
grep -q 'https://learn.microsoft.com/' "$work/sources.csv"
echo "packed install: lmdoctor $("$prefix/bin/lmdoctor" --version) analyzed a sample outside the clone"
