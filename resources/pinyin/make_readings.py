#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Extract the common Mandarin readings of each ideograph from Unihan (Debian's unicode-data,
Unicode License) into readings.txt, which is checked in so the build needs no Unihan.

    /usr/bin/python3 make_readings.py /usr/share/unicode/Unihan_Readings.txt.bz2 > readings.txt

One line per character that has a modern dictionary reading: the code point in hex, then its
toneless readings, most common first (kMandarin, then kHanyuPinlu by frequency, then the
readings of the two modern dictionaries, kXHC1983 and kTGHZ2013). Characters that only
historical dictionaries list (kHanyuPinyin) are left to ICU's Han-Latin.
"""
import bz2
import collections
import sys
import unicodedata

MAX_READINGS = 4


def toneless(reading):
    base = unicodedata.normalize('NFD', reading)
    out = ''.join(c for c in base if c.isascii() and c.isalpha()).lower()
    return out.replace('v', 'u')  # ü is written u, as typed on a keyboard and by Latin-ASCII


def main():
    fields = collections.defaultdict(dict)
    with bz2.open(sys.argv[1], 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            code, field, value = line.rstrip('\n').split('\t', 2)
            if field in ('kMandarin', 'kHanyuPinlu', 'kXHC1983', 'kTGHZ2013'):
                fields[int(code[2:], 16)][field] = value
    for cp in sorted(fields):
        f = fields[cp]
        if not ('kXHC1983' in f or 'kTGHZ2013' in f or 'kHanyuPinlu' in f):
            continue
        readings = []

        def add(r):
            r = toneless(r)
            if r and r not in readings:
                readings.append(r)
        for r in f.get('kMandarin', '').split():
            add(r)
        pinlu = []
        for item in f.get('kHanyuPinlu', '').split():
            reading, _, count = item.partition('(')
            pinlu.append((-int(count.rstrip(')') or 0), reading))
        for _, r in sorted(pinlu):
            add(r)
        for key in ('kXHC1983', 'kTGHZ2013'):
            for item in f.get(key, '').split():
                add(item.split(':', 1)[-1])
        print('%04X %s' % (cp, ' '.join(readings[:MAX_READINGS])))


if __name__ == '__main__':
    main()
