#!/usr/bin/env bash
# Renders jobbtorg-coach.svg to the PNG sizes the desktops ask for, and the Windows .ico.
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert. The results are committed,
# so building an installer does not need either tool.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" jobbtorg-coach.svg -o "png/jobbtorg-coach-$size.png"
done
convert png/jobbtorg-coach-{16,24,32,48,64,128,256}.png jobbtorg-coach.ico
