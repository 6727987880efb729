#!/usr/bin/env bash
# Prints sign-in sheets the way a facilitator would (headless Chromium, "Save as PDF") on Letter
# and A4 paper and counts their pages with pdfinfo (issue 16):
#
#   Scripts/sheet-print-check.sh [path/to/formation]
#
# Needs chromium and poppler-utils (apt-get install -y chromium poppler-utils). Prints one line per
# sheet and paper, `seats paper pages heading-on-every-page`, and exits 1 unless a 16-seat sheet
# is one page on both papers and a 30-seat sheet repeats its heading (the session id) on each page.
set -euo pipefail
cd "$(dirname "$0")/.."
formation=${1:-.build/debug/formation}
for tool in chromium pdfinfo pdftotext; do
    command -v "$tool" >/dev/null || { echo "sheet-print-check: $tool not found (apt-get install -y chromium poppler-utils)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FORMATION_LANG=es
db=(--database "$work/f.sqlite")

"$formation" import Curricula/*.xml "${db[@]}" >/dev/null 2>&1
"$formation" plant add "La Gaviota" --state Sucre "${db[@]}" >/dev/null
"$formation" plant add "Complejo Refinador Paraguaná" --state Falcón "${db[@]}" >/dev/null
"$formation" battle add "Batalla de La Gaviota" --plant "La Gaviota" --start 2026-12-01 --end 2026-12-05 \
    --time-zone America/Caracas "${db[@]}" >/dev/null
names=("María Alejandra Rodríguez de Quintero" "José Gregorio Hernández Rondón" "Ana Rivas" "Omar Quintero"
       "Carmen Useche" "Luis Eduardo Márquez Villasmil" "Rondón, José" "Begoña Núñez")
for name in "${names[@]}"; do "$formation" person add "$name" --plant "Complejo Refinador Paraguaná" "${db[@]}" >/dev/null; done
session=$("$formation" session add --battle "Batalla de La Gaviota" --workshop proportion-by-eye \
    --start "2026-12-01 14:00" --end "2026-12-01 16:00" --place "Taller mecánico" \
    --facilitator "Ana Rivas" --facilitator "Omar Quintero" --force "${db[@]}" 2>/dev/null)
"$formation" attend "$session" "${names[@]:4}" "${names[@]:0:2}" "${db[@]}" 2>/dev/null

status=0
for seats in 16 30; do
    "$formation" session sheet "$session" --seats "$seats" -o "$work/sheet-$seats.html" "${db[@]}"
    for paper in Letter A4; do
        # The printer's paper, as the print dialog would choose it.
        sed "s|</style>|@page { size: $paper; }</style>|" "$work/sheet-$seats.html" > "$work/sheet-$seats-$paper.html"
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
            --print-to-pdf="$work/sheet-$seats-$paper.pdf" "file://$work/sheet-$seats-$paper.html" >/dev/null 2>&1
        pages=$(pdfinfo "$work/sheet-$seats-$paper.pdf" | awk '/^Pages:/ { print $2 }')
        repeated=yes
        for ((page = 1; page <= pages; page++)); do
            pdftotext -f "$page" -l "$page" "$work/sheet-$seats-$paper.pdf" - | grep -q "${session:0:8}" || repeated=no
        done
        echo "$seats $paper $pages $repeated"
        if [ "$seats" = 16 ] && [ "$pages" != 1 ]; then status=1; fi
        if [ "$repeated" != yes ]; then status=1; fi
    done
done
exit $status
