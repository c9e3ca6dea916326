#!/usr/bin/env python3
"""Writes unicode_tables.h: accent bases and lower-case mappings for the WordPiece tokenizer,
taken from Python's unicodedata (the same data BERT's Python tokenizer uses).
Run from the repository root: python3 core/src/tokenizer/gen_unicode_tables.py"""
import unicodedata

RANGES = [(0xC0, 0x2FF), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1FFF)]


def pairs():
    base, lower = [], []
    for a, b in RANGES:
        for cp in range(a, b + 1):
            ch = chr(cp)
            d = unicodedata.normalize("NFD", ch)
            if d != ch and all(unicodedata.category(c) == "Mn" for c in d[1:]):
                base.append((cp, ord(d[0])))
            low = ch.lower()
            if low != ch and len(low) == 1:
                lower.append((cp, ord(low)))
    return base, lower


def array(name, items):
    out, line = f"constexpr CodePointMap {name}[] = {{\n", "   "
    for c, v in items:
        item = f" {{0x{c:04X}, 0x{v:04X}}},"
        if len(line) + len(item) > 100:
            out += line + "\n"
            line = "   "
        line += item
    return out + line + "\n};\n"


def main():
    base, lower = pairs()
    text = f"""// Generated once from Python's unicodedata (Unicode {unicodedata.unidata_version}) for the scripts the WordPiece
// tokenizer lower-cases and strips accents from; see wordpiece_tokenizer.h. Sorted by key.
#pragma once

#include <cstdint>

namespace lmlab::unicode_tables {{

struct CodePointMap {{
  char32_t from, to;
}};

// A precomposed letter -> its base letter (its NFD minus the combining marks).
{array("kAccentBase", base)}
// An upper-case letter -> its lower-case letter (single code point mappings; ASCII is done inline).
{array("kLowerCase", lower)}
}}  // namespace lmlab::unicode_tables
"""
    with open("core/src/tokenizer/unicode_tables.h", "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
