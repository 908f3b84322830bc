import { normalizeName, stripHonorifics } from '../../../names/name.normalize.ts';
import { isOfficeName, looksLikePersonName, officeId, officeName } from '../../../names/office.name.ts';
import { parsePersonName, withoutTitles } from '../../../names/person-name.parse.ts';
import type { Agent, Authority, Mention } from '../../../record/record.types.ts';
import { volumeYears } from './frus-volume.years.ts';

/**
 * The people and offices a volume names outside its persons list: signatures ("Acheson"),
 * holders of offices in heads ("(Gifford)"), bodies ("Embassy in India"). Each becomes an
 * authority of this volume (`frus1951v07p2~acheson`, `org:embassy-india`), with the offices the
 * person signed in and when: the evidence by which they are later reconciled with the people
 * other sources describe (src/names/people.reconcile.ts). Handed out when the volume ends.
 *
 * @example
 * const observed = new FrusObservations('frus1951v07p2');
 * observed.person('Acheson'); // { name: 'Acheson', personId: 'frus1951v07p2~acheson', … }
 */
export class FrusObservations {
  private readonly people = new Map<string, Authority>();
  private readonly offices = new Map<string, Authority>();
  private readonly places = new Map<string, Authority>();
  private readonly years: string | undefined;

  constructor(private readonly volumeId: string) {
    this.years = volumeYears(volumeId);
  }

  /** An agent as written: an office or body, else a person of this volume's own observation. */
  agent(raw: string): Agent {
    // "Ambassador Edward Brynn" is a person with a rank; "Ambassador in India" an office.
    const written = withoutTitles(stripHonorifics(raw.trim()));
    if (isOfficeName(written)) return this.office(raw);
    const key = normalizeName(written);
    // What is neither an office nor a person's name ("Kennedy to de Gaulle. Secret.") stays as written.
    if (!key || !looksLikePersonName(written)) return { name: raw.trim(), alias: null, personId: null, raw };
    const id = `${this.volumeId}~${key.replace(/ /g, '-')}`;
    const display = parsePersonName(written).display || written;
    let person = this.people.get(id);
    if (!person) {
      person = {
        id,
        kind: 'person',
        name: toDisplayCase(display),
        names: [],
        source: this.volumeId,
        ...(this.years ? { years: this.years } : {}),
        offices: [],
      };
      this.people.set(id, person);
    }
    if (!person.names.some((n) => n.form === written))
      person.names.push({ form: written, kind: 'variant', source: this.volumeId });
    return { name: person.name, alias: null, personId: id, raw };
  }

  /** An office or body named by a head: "the Secretary of State", "Embassy in Korea". */
  office(raw: string): Agent {
    const name = officeName(raw);
    const id = officeId(name);
    if (!this.offices.has(id)) {
      this.offices.set(id, {
        id,
        kind: 'organization',
        name,
        names: [{ form: name, kind: 'preferred', source: this.volumeId }],
        source: this.volumeId,
      });
    }
    return { name, alias: null, personId: null, raw, office: name, officeId: id };
  }

  /** The place of a dateline ("Washington", "Seoul"): a place of the archive, named as the volume does. */
  place(written: string): Mention {
    const name = written
      .replace(/[[\],.]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const key = normalizeName(name);
    if (!key) return { kind: 'place', authorityId: null, name: written, form: written };
    const id = `place:${key.replace(/ /g, '-')}`;
    if (!this.places.has(id)) {
      this.places.set(id, {
        id,
        kind: 'place',
        name,
        names: [{ form: name, kind: 'preferred', source: this.volumeId }],
        source: this.volumeId,
      });
    }
    return { kind: 'place', authorityId: id, name, form: written };
  }

  /** The person signed or was addressed in an office on a date: evidence kept with their observation. */
  heldOffice(personId: string, office: string, date: string | null): void {
    const person = this.people.get(personId);
    if (!person) return;
    const offices = person.offices ?? [];
    if (!offices.some((o) => o.name === office && o.date === date))
      offices.push({ name: office, date, source: this.volumeId });
    person.offices = offices;
    if (!this.offices.has(officeId(office))) this.office(office);
  }

  /** Every observation of the volume, once, in a stable order. */
  finish(): Authority[] {
    const sorted = (map: Map<string, Authority>) => [...map.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const all = [...sorted(this.offices), ...sorted(this.places), ...sorted(this.people)];
    this.people.clear();
    this.offices.clear();
    this.places.clear();
    return all;
  }
}

/** "ACHESON" as a name is "Acheson"; mixed-case forms stay as written. */
function toDisplayCase(form: string): string {
  if (form !== form.toUpperCase()) return form;
  return form
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
