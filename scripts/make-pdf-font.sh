#!/usr/bin/env bash
# Rebuilds the PDF font shipped in src/EduPortal.Web/Infrastructure/Reports/Fonts/ (see
# docs/decisions/0006-pdf-font-shipped-as-a-subset.md). Not part of the build: the subset is
# committed, so a fresh machine needs nothing. Needs apt packages fonts-noto-cjk and python3-fonttools.
#
# The subset holds GB2312 (6,763 hanzi: names, places, the form), ASCII, Latin-1 punctuation and the
# CJK/full-width punctuation blocks. It deliberately leaves out the Kangxi and CJK radical blocks:
# Noto maps those code points to the same glyphs as common hanzi (⽣ and 生), and a PDF's reverse
# mapping would then extract 生 as ⽣. Without them each glyph has exactly one code point.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/EduPortal.Web/Infrastructure/Reports/Fonts/NotoSansSC-Subset.otf
chars=$(mktemp)
python3 - "$chars" <<'PY'
import sys
cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070)) \
    | set(range(0x2100, 0x2200)) | set(range(0x2460, 0x24A0)) | set(range(0x2500, 0x2580)) \
    | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            cps.add(ord(bytes([hi, lo]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], "w").write(",".join("U+%04X" % c for c in sorted(cps)))
PY
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
  --unicodes-file="$chars" --layout-features='' --no-hinting --name-IDs='*' --name-languages='*' \
  --output-file="$out"
rm -f "$chars"
ls -l "$out"
