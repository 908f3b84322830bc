import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pinyin } from 'pinyin-pro';
import { readKontsevich, readKoreanLatin, romanizeHangul } from './ko.reading.ts';
import { loadKoJamo, loadZhSyllables } from './romanization.tables.ts';
import { readPalladius, readWadeGiles } from './zh.reading.ts';

const syllables = loadZhSyllables();
const key = (pinyinSyllable: string) => pinyinSyllable.replace(/ü/g, 'v');

test('the Pinyin table holds every syllable pinyin-pro reads in the basic CJK block', () => {
  const known = new Set(syllables.map((s) => key(s.pinyin)));
  const interjections = new Set(['m', 'n', 'ng', 'hng']);
  const missing = new Set<string>();
  for (let code = 0x4e00; code <= 0x9fff; code += 1) {
    for (const reading of pinyin(String.fromCodePoint(code), { toneType: 'none', type: 'array', v: true })) {
      if (/^[a-z]+$/.test(reading) && !interjections.has(reading) && !known.has(reading))
        missing.add(reading);
    }
  }
  assert.deepEqual([...missing], []);
  assert.ok(syllables.length >= 405, `${syllables.length} syllables`);
});

test('every Pinyin syllable has a Wade–Giles and a Palladius form, and no syllable is listed twice', () => {
  const seen = new Set<string>();
  for (const syllable of syllables) {
    assert.ok(!seen.has(syllable.pinyin), syllable.pinyin);
    seen.add(syllable.pinyin);
    assert.ok(syllable.wadeGiles[0], `${syllable.pinyin} has a Wade–Giles form`);
    assert.ok(syllable.palladius[0], `${syllable.pinyin} has a Palladius form`);
    assert.match(syllable.palladius.join(''), /^[а-яё]+$/, `${syllable.pinyin}: Palladius is Cyrillic`);
  }
});

test('Wade–Giles forms read back to their Pinyin syllable, first, where the systems are one-to-one', () => {
  // Pinyin lo and luo are both WG lo; pinyin e and o are both WG o (e is also ê).
  const shared = new Set(['lo', 'luo', 'e', 'o']);
  for (const syllable of syllables) {
    for (const form of syllable.wadeGiles) {
      const readings = readWadeGiles(form, 8);
      assert.ok(
        readings.some((r) => r.text === key(syllable.pinyin) && r.rank === 0),
        `${form} → ${syllable.pinyin}`,
      );
      if (!shared.has(syllable.pinyin) && form === syllable.wadeGiles[0]) {
        assert.equal(readings[0]?.text, key(syllable.pinyin), `${form} reads first as ${syllable.pinyin}`);
        assert.equal(readings.filter((r) => r.rank === 0).length, 1, `${form} has one exact reading`);
      }
    }
  }
});

test('Palladius forms read back to their Pinyin syllable alone, except lo and luo', () => {
  for (const syllable of syllables) {
    const form = syllable.palladius[0] ?? '';
    const exact = readPalladius(form, 8).filter((r) => r.rank === 0);
    if (syllable.pinyin === 'lo' || syllable.pinyin === 'luo') {
      assert.deepEqual(exact.map((r) => r.text).sort(), ['lo', 'luo']);
    } else {
      assert.deepEqual(
        exact.map((r) => r.text),
        [key(syllable.pinyin)],
        `${form} → ${syllable.pinyin}`,
      );
    }
  }
});

test('the jamo table has 19 initials, 21 vowels and 27 finals in the order Hangul is composed in', () => {
  const jamo = loadKoJamo();
  const initials = jamo.filter((j) => j.position === 'initial');
  const vowels = jamo.filter((j) => j.position === 'vowel');
  assert.equal(initials.length, 19);
  assert.equal(vowels.length, 21);
  assert.equal(jamo.filter((j) => j.position === 'final').length, 27);
  // Compatibility jamo decompose (NFKD) to the conjoining jamo that Hangul syllables decompose to.
  for (const [i, initial] of initials.entries()) {
    const syllable = String.fromCodePoint(0xac00 + i * 588);
    assert.equal(initial.jamo.normalize('NFKD'), syllable.normalize('NFD')[0], initial.jamo);
  }
  for (const [v, vowel] of vowels.entries()) {
    const syllable = String.fromCodePoint(0xac00 + v * 28);
    assert.equal(vowel.jamo.normalize('NFKD'), syllable.normalize('NFD')[1], vowel.jamo);
  }
  for (const jamoRow of jamo) {
    assert.ok(
      jamoRow.mr.length > 0 && jamoRow.kontsevich.length > 0,
      `${jamoRow.jamo} has MR and Kontsevich`,
    );
  }
});

test('Hangul romanizes by the RR tables, finals as pronounced at a syllable end', () => {
  assert.equal(romanizeHangul('각'), 'gak');
  assert.equal(romanizeHangul('값'), 'gap');
  assert.equal(romanizeHangul('닭'), 'dak');
  assert.equal(romanizeHangul('앟'), 'at');
  assert.equal(romanizeHangul('읽'), 'ik');
  assert.equal(romanizeHangul('힣'), 'hit');
  assert.equal(romanizeHangul('의'), 'ui');
  assert.equal(romanizeHangul('ㄱ'), undefined);
});

test('RR, MR and Kontsevich spellings of every syllable with a simple final read back to its RR', () => {
  const jamo = loadKoJamo();
  const initials = jamo.filter((j) => j.position === 'initial');
  const vowels = jamo.filter((j) => j.position === 'vowel');
  const finals = jamo.filter((j) => j.position === 'final');
  // One-to-one where RR is: every initial and vowel, and the seven finals RR writes apart.
  const simpleFinals = [0, 1, 4, 7, 8, 16, 17, 21];
  for (const [i, initial] of initials.entries()) {
    for (const [v, vowel] of vowels.entries()) {
      for (const f of simpleFinals) {
        const final = f === 0 ? undefined : finals[f - 1];
        const hangul = String.fromCodePoint(0xac00 + (i * 21 + v) * 28 + f);
        const rr = romanizeHangul(hangul) ?? '';
        const mr = (initial.mr[0] ?? '') + (vowel.mr[0] ?? '') + (final?.mr[0] ?? '');
        const kontsevich =
          (initial.kontsevich[0] ?? '') + (vowel.kontsevich[0] ?? '') + (final?.kontsevich[0] ?? '');
        assert.ok(
          readKoreanLatin(rr, 64).some((r) => r.text === rr && r.rank === 0),
          `RR ${rr} (${hangul})`,
        );
        assert.ok(
          readKoreanLatin(mr, 64).some((r) => r.text === rr && r.rank === 0),
          `MR ${mr} (${hangul})`,
        );
        assert.ok(
          readKontsevich(kontsevich, 64).some((r) => r.text === rr && r.rank === 0),
          `Kontsevich ${kontsevich} (${hangul})`,
        );
      }
    }
  }
});
