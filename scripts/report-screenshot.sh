#!/usr/bin/env bash
# Builds the HTML report of the bundled sample (samples/seeds) and renders it with headless
# Chromium into docs/report.png, the picture the README shows. Not part of `mvn verify`.
# Needs chromium (Debian: apt-get install -y chromium); CHROMIUM=path overrides which one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ]; then
  echo "report-screenshot: chromium not found (apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work" # the page names the index as given: seeds-index
"$here/storyclusters" cluster "$here/samples/seeds/articles.jsonl" --index seeds-index \
  --output clusters.jsonl --quiet
"$here/storyclusters" report --index seeds-index --output report.html
mkdir -p "$here/docs"
# --no-sandbox: Chromium refuses to run as root without it (containers, CI)
"$chromium" --headless --disable-gpu --no-sandbox --hide-scrollbars \
  --screenshot="$here/docs/report.png" --window-size=1280,1600 "file://$work/report.html" \
  2> "$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
echo "report-screenshot: wrote $here/docs/report.png ($(wc -c < "$here/docs/report.png") bytes)"
