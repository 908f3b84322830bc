import type { Authority } from '../record/record.types.ts';
import { parsePersonName } from './person-name.parse.ts';

const EAST_ASIAN_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}]/u;

/**
 * The form a person is listed under, surname first as indexes of people are: "Acheson, Dean",
 * "Stalin, Joseph". A name written surname first already ("Mao Zedong", "Kim Il Sung", "Chou
 * En-lai": a native form in Chinese characters or Hangul, or a list entry without a comma) stays
 * as it is.
 *
 * @example listingName({ name: 'Dean Acheson', names: [{ form: 'Acheson, Dean', … }], … }) === 'Acheson, Dean'
 */
export function listingName(person: Authority): string {
  const inverted = person.names.find(
    (n) => parsePersonName(n.form).order === 'inverted' && n.form.includes(','),
  );
  if (inverted) return inverted.form;
  const surnameFirst = person.names.some((n) => n.kind === 'native' && EAST_ASIAN_SCRIPT.test(n.form));
  const name = parsePersonName(person.name);
  if (surnameFirst || name.order !== 'running' || name.given.length === 0) return person.name;
  const words = person.name
    .replace(/,\s*(?:Jr|Sr)\.?$/i, '')
    .trim()
    .split(/\s+/);
  const surname = words.pop() as string;
  return `${surname}, ${words.join(' ')}`;
}
