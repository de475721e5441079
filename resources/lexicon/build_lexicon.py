#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Convert jieba's dictionary (MIT) into the compact binary lexicon compiled into baokan.

Run at build time by CMake with Debian's /usr/bin/python3: build_lexicon.py DICT.txt OUT.bin
Only the lexicon itself is read; every table below is derived from its words and tags.

Layout (little endian):
  'BKLX' u32 version
  u32 nTags, then per tag: u8 length, ASCII name
  u32 nEntries, then per entry: u8 length (UTF-16 units), u8 tag (255 = prefix only), u32 freq,
      the UTF-16 units
  u32 nTables, then per table: u8 length, ASCII name, f32 log probability of an unseen char,
      u32 n, then n times (u16 char, f32 log probability)
  u32 nConstants, then per constant: u8 length, ASCII name, f64 value
"""
import collections
import math
import struct
import sys

VERSION = 1
# A character starting fewer person entries than this is noise in the nr tag, not a surname.
MIN_SURNAME_ENTRIES = 8
# A transliteration character appears in at least this many foreign names, and this many times
# more often there than in words at large.
MIN_TRANSLIT_ENTRIES = 5
# Suffixes that make a place of their stem (合肥市 → 合肥); 区 乡 镇 村 also end common words.
PLACE_SUFFIXES = '省市县州盟旗'
# Tags a place's stem may carry by mistake; verbs, adjectives and the like are left alone.
MAX_STEM_RATIO = 30
CONFIRMING_SUFFIXES = ['省', '市', '县', '州', '盟', '旗', '区', '镇', '乡', '村', '自治区', '自治州', '自治县']
GEOGRAPHIC = set('山河湖海江岛州城港湾峰岭关洲洋原川溪泉峡谷林园宫寺庙塔桥台楼门区县市省镇乡村屯坝堡寨庄沟口滩渠'
                 '井坡岗塘浦营堰陵街路')
RETAGGABLE = {'n', 's', 'nr', 'nrt', 'nrfg', 'nz', 'x', 'j', 'ns'}
MIN_TRANSLIT_RATIO = 3.0


def is_han(ch):
    return '\u4e00' <= ch <= '\u9fff'


def table(counter, smoothing=0.5):
    total = sum(counter.values()) + smoothing * (len(counter) + 1)
    rows = sorted((ord(c), math.log((n + smoothing) / total)) for c, n in counter.items() if ord(c) < 0x10000)
    return math.log(smoothing / total), rows


def main():
    src, out = sys.argv[1], sys.argv[2]
    words = {}
    for line in open(src, encoding='utf-8'):
        parts = line.split()
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        tag = parts[2] if len(parts) > 2 else 'x'
        if len(word.encode('utf-16-le')) // 2 > 250:
            continue
        words[word] = (freq, tag)

    # jieba tags many Chinese cities wrongly (合肥 n, 石家庄 nr, 拉萨 nrt), but lists them with
    # their administrative suffix too (合肥市): such a stem is a place, and so is the suffixed word.
    for word, (freq, tag) in list(words.items()):
        if len(word) >= 3 and word[-1] in PLACE_SUFFIXES and all(map(is_han, word)):
            if tag in RETAGGABLE:
                words[word] = (freq, 'ns')
            stem = word[:-1]
            if stem in words:
                stem_freq, stem_tag = words[stem]
                # 重点县 and 农业县 exist too: a common word far more frequent than its suffixed
                # form is not that place's name.
                if stem_tag in RETAGGABLE and stem_freq <= MAX_STEM_RATIO * max(freq, 1):
                    words[stem] = (stem_freq, 'ns')
            else:
                words[stem] = (max(1, freq // 2), 'ns')
    # Many ns words are no places (治安, 普及, 福利). A place the lexicon also lists with an
    # administrative suffix, or one that ends like a geographic feature, is confirmed; the rest
    # are tagged nsx and the recognizer asks for more evidence.
    for word, (freq, tag) in list(words.items()):
        if tag == 'ns' and not any(word + s in words for s in CONFIRMING_SUFFIXES) and word[-1] not in GEOGRAPHIC:
            words[word] = (freq, 'nsx')
    tags = sorted({t for _, t in words.values()})
    tag_index = {t: i for i, t in enumerate(tags)}
    total = sum(f for f, _ in words.values())

    # Person-name statistics from the lexicon's Chinese-style names (surname + 1 or 2 chars).
    person = [w for w, (f, t) in words.items() if t == 'nr' and 2 <= len(w) <= 3 and all(map(is_han, w))]
    surname_count = collections.Counter(w[0] for w in person)
    surnames = collections.Counter({c: n for c, n in surname_count.items() if n >= MIN_SURNAME_ENTRIES})
    named = [w for w in person if w[0] in surnames]
    given2 = collections.Counter(w[1] for w in named if len(w) == 2)
    given3a = collections.Counter(w[1] for w in named if len(w) == 3)
    given3b = collections.Counter(w[2] for w in named if len(w) == 3)
    given_any = given2 + given3a + given3b
    n2 = sum(1 for w in named if len(w) == 2)
    n3 = sum(1 for w in named if len(w) == 3)
    person_mass = sum(f for w, (f, t) in words.items() if t in ('nr', 'nrfg'))

    # Transliterated names: characters much more common in the foreign-name entries than in
    # words at large (斯, 尔, 克 …); the tag is too noisy to take every character it touches.
    foreign = [w for w, (f, t) in words.items() if t == 'nrt' and len(w) >= 2 and all(map(is_han, w))]
    general = collections.Counter()
    for w, (f, t) in words.items():
        for c in w:
            general[c] += f
    general_total = sum(general.values())
    in_foreign = collections.Counter(c for w in foreign if len(w) >= 3 for c in w)
    foreign_total = sum(in_foreign.values())
    translit = collections.Counter({
        c: n for c, n in in_foreign.items()
        if n >= MIN_TRANSLIT_ENTRIES and (n / foreign_total) / ((general[c] + 1) / general_total) >= MIN_TRANSLIT_RATIO
    })
    foreign_mass = sum(f for w, (f, t) in words.items() if t == 'nrt')
    foreign_len = collections.Counter(len(w) for w in foreign)

    # jieba tags many compounds as names (许可证, 安全性, 博彩业): how much likelier a character is
    # to end a name than another word, in log odds, tells a name from a compound on a common head.
    name_end = collections.Counter()
    other_end = collections.Counter()
    for w, (f, t) in words.items():
        if len(w) >= 2 and all(map(is_han, w)):
            (name_end if t in ('nr', 'nrt', 'nrfg') else other_end)[w[-1]] += 1
    name_end_total = sum(name_end.values())
    other_end_total = sum(other_end.values())
    name_end_odds = sorted(
        (ord(c), math.log((name_end[c] + 0.5) / name_end_total) - math.log((other_end[c] + 0.5) / other_end_total))
        for c in set(name_end) | set(other_end) if ord(c) < 0x10000)

    # Every prefix is entered too, so the segmenter can stop extending a candidate early.
    prefixes = set()
    for w in words:
        for k in range(1, len(w)):
            p = w[:k]
            if p not in words:
                prefixes.add(p)

    buf = bytearray()
    buf += b'BKLX' + struct.pack('<I', VERSION)
    buf += struct.pack('<I', len(tags))
    for t in tags:
        b = t.encode('ascii')
        buf += struct.pack('<B', len(b)) + b
    entries = [(w, f, tag_index[t]) for w, (f, t) in words.items()] + [(p, 0, 255) for p in prefixes]
    buf += struct.pack('<I', len(entries))
    for w, f, t in entries:
        u = w.encode('utf-16-le')
        buf += struct.pack('<BBI', len(u) // 2, t, f) + u

    tables = {
        'surname': table(surnames),
        'given2': table(given2),
        'given3a': table(given3a),
        'given3b': table(given3b),
        'given': table(given_any),
        'translit': table(translit),
        'translitWeak': table(collections.Counter(c for w in foreign for c in w)),
        'nameEnd': (0.0, name_end_odds),
    }
    buf += struct.pack('<I', len(tables))
    for name, (unseen, rows) in tables.items():
        b = name.encode('ascii')
        buf += struct.pack('<B', len(b)) + b + struct.pack('<fI', unseen, len(rows))
        for ch, lp in rows:
            buf += struct.pack('<Hf', ch, lp)

    constants = {
        'logTotal': math.log(total),
        'logPersonMass': math.log(person_mass / total),
        'logLen2': math.log(n2 / (n2 + n3)),
        'logLen3': math.log(n3 / (n2 + n3)),
        'logForeignMass': math.log(foreign_mass / total),
    }
    for k in range(2, 8):
        constants['logForeignLen%d' % k] = math.log((foreign_len.get(k, 0) + 1) / (len(foreign) + 6))
    buf += struct.pack('<I', len(constants))
    for name, value in constants.items():
        b = name.encode('ascii')
        buf += struct.pack('<B', len(b)) + b + struct.pack('<d', value)

    with open(out, 'wb') as f:
        f.write(buf)


if __name__ == '__main__':
    main()
