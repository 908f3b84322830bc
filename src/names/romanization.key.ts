import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/**
 * Sound rules shared by the romanizations of Russian, Chinese and Korean names (Library of
 * Congress and passport Russian, Pinyin and Wade–Giles, Revised and McCune–Reischauer Korean).
 * They merge what the systems write differently (ts/tsz/z/zh/ch/j, k/g, t/d, p/b, r/l,
 * shch/sch/sh, v/w, aspiration h and apostrophes) and drop vowels, which the systems disagree on most.
 * Applied in order.
 */
const SOUND_RULES: [RegExp, string][] = [
  [/shch|sch/g, 's'],
  [/ng/g, 'n'],
  [/dzh|dz|tsz|tch|ts|ch|zh|j|z|q|c/g, 'c'],
  [/sh|x/g, 's'],
  // Russian renders the Chinese and Korean h as х (kh): Пэн Дэхуай is Peng Dehuai.
  [/kh/g, 'h'],
  [/g/g, 'k'],
  [/th|d/g, 't'],
  [/ph|b/g, 'p'],
  [/v|w/g, 'f'],
  [/r/g, 'l'],
  [/[aeiouyh]/g, ''],
];

/**
 * A key under which the romanizations and native-script forms of one name meet: Ким Ир Сен,
 * Kim Il-sung, Kim Il Sung and 김일성 share "kmlsn"; Zhou Enlai, Chou En-lai, Чжоу Эньлай and
 * 周恩来 share "cnl"; Roshchin, Roschin and Рощин share "lsn". Chinese characters are read in
 * Pinyin (pinyin-pro), every other script transliterated by any-ascii, then the sound rules apply.
 * Returns '' for keys too short to tell names apart.
 *
 * @example romanizationKey('Mao Tse-tung') === romanizationKey('毛泽东') // 'mctn'
 */
export function romanizationKey(form: string): string {
  const latin = HAN.test(form) ? pinyin(form, { toneType: 'none', nonZh: 'consecutive' }) : anyAscii(form);
  let key = latin.toLowerCase().replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of SOUND_RULES) key = key.replace(pattern, replacement);
  key = key.replace(/(.)\1+/g, '$1');
  return key.length >= 3 ? key : '';
}
