import { parsePersonName } from '../../../names/person-name.parse.ts';
import type { Authority, NameForm } from '../../../record/record.types.ts';
import { detach } from '../../../texts/string.detach.ts';
import { volumeYears } from './frus-volume.years.ts';
import { TeiTextBuffer } from './tei-text.buffer.ts';

/** What a FRUS id in a document (`persName/@corresp`, `gloss/@target`) stands for. */
export interface FrusAuthorityRef {
  id: string;
  name: string;
  /** Every form the list gives, as written: what a link's written form is checked against. */
  forms: readonly string[];
}

interface Entry {
  id: string | null;
  /** Line of the file where the entry begins, for problems with it. */
  line: number;
  name: TeiTextBuffer;
  rest: TeiTextBuffer;
  /** `see` reference of an entry that is only another name of a person listed elsewhere. */
  see: string | null;
  inName: boolean;
}

/**
 * Reads a FRUS volume's list of persons (`div[@xml:id="persons"]`) or terms
 * (`div[@xml:id="terms"]`), given the events from inside it, into authorities. Each `item` holds
 * the name (`persName/@xml:id`, `term/@xml:id`) and, after it, the description.
 *
 * Persons are handed out only when the list ends: an entry like "Yang, Dr., see You Chan Yang"
 * is a second name of a person listed further on, and is folded into that person.
 *
 * @example
 * const terms = new FrusListCollector({ kind: 'term', volumeId: 'frus1951v07p2' });
 */
export class FrusListCollector {
  readonly kind: 'person' | 'term';
  private readonly volumeId: string;
  private entry: Entry | null = null;
  private readonly done: Authority[] = [];
  private readonly aliases: { id: string; form: string; target: string }[] = [];
  private readonly seen = new Map<string, string>();
  /** Entries that could not be read as given, each said once, for the file's report. */
  readonly problems: { kind: string; message: string; line: number }[] = [];
  private readonly line: () => number;

  constructor(options: { kind: 'person' | 'term'; volumeId: string; line?: () => number }) {
    this.kind = options.kind;
    this.volumeId = options.volumeId;
    this.line = options.line ?? (() => 0);
  }

  open(name: string, attributes: Record<string, string>): void {
    if (name === 'item') {
      this.entry = {
        id: null,
        line: this.line(),
        name: new TeiTextBuffer(),
        rest: new TeiTextBuffer(),
        see: null,
        inName: false,
      };
      return;
    }
    const entry = this.entry;
    if (!entry) return;
    const nameElement = this.kind === 'person' ? 'persName' : 'term';
    const xmlId = attributes['xml:id'];
    if (name === nameElement && xmlId && entry.id === null) {
      entry.id = xmlId;
      entry.inName = true;
    } else if (name === nameElement && attributes.corresp?.startsWith('#')) {
      entry.see = attributes.corresp.slice(1);
    } else if (name === 'lb') {
      (entry.inName ? entry.name : entry.rest).append(' ');
    }
  }

  close(name: string): Authority[] {
    const entry = this.entry;
    if (!entry) return [];
    if (name === (this.kind === 'person' ? 'persName' : 'term') && entry.inName) {
      entry.inName = false;
      return [];
    }
    if (name !== 'item') return [];
    this.entry = null;
    return this.finishEntry(entry);
  }

  text(text: string): void {
    const entry = this.entry;
    if (entry) (entry.inName ? entry.name : entry.rest).append(text);
  }

  /** The list has ended: the persons, with second names folded into the person they name. */
  finish(): Authority[] {
    if (this.kind === 'term') return [];
    const byFrusId = new Map(this.done.map((a) => [frusIdOf(a), a]));
    for (const alias of this.aliases) {
      const target = byFrusId.get(alias.target);
      if (target) {
        target.names.push({ form: alias.form, kind: 'variant', source: this.volumeId });
        target.externalIds?.push({ scheme: 'frus-person', value: alias.id });
      } else {
        this.done.push(this.person(alias.id, alias.form, null));
      }
    }
    return this.done.splice(0);
  }

  private finishEntry(entry: Entry): Authority[] {
    const form = detach(
      entry.name
        .toString()
        .replace(/[,;:]\s*$/, '')
        .trim(),
    );
    const list = this.kind === 'person' ? 'persons list' : 'terms list';
    if (!entry.id) return [];
    if (!/[\p{L}\p{N}]/u.test(form)) {
      this.problems.push({
        kind: `${list}:no-name`,
        line: entry.line,
        message: `${list}: the entry ${entry.id} has no name (“${form.slice(0, 40)}”): it is left out.`,
      });
      return [];
    }
    const description = detach(entry.rest.toString().replace(/^[\s,;:]+/, '')) || null;
    let id = detach(entry.id);
    const earlier = this.seen.get(id);
    if (earlier !== undefined) {
      // Links to the id can mean only one entry: the first. The second is kept under an id of its own.
      const kept = `${id}~${this.seen.size + 1}`;
      this.problems.push({
        kind: `${list}:duplicate-id`,
        line: entry.line,
        message: `${list}: the id ${id} is given twice (“${earlier.slice(0, 60)}” and “${form.slice(0, 60)}”): links to it mean the first; the second is kept as ${kept}.`,
      });
      id = kept;
    }
    this.seen.set(id, form);
    if (this.kind === 'term') {
      return [
        {
          id: `${this.volumeId}-${id}`,
          kind: 'term',
          name: form,
          names: [{ form, kind: 'preferred', source: this.volumeId }],
          description,
          externalIds: [{ scheme: 'frus-term', value: id }],
        },
      ];
    }
    if (entry.see && /^see/i.test(description ?? '')) {
      this.aliases.push({ id, form, target: entry.see });
    } else {
      this.done.push(this.person(id, form, description));
    }
    return [];
  }

  private person(frusId: string, listForm: string, description: string | null): Authority {
    const { preferred, variants } = readListName(listForm);
    const source = this.volumeId;
    const names: NameForm[] = [{ form: preferred, kind: 'preferred', source }];
    for (const form of [listForm, ...variants]) {
      if (!names.some((n) => n.form === form)) names.push({ form, kind: 'variant', source });
    }
    const years = volumeYears(source);
    return {
      id: `${this.volumeId}-${frusId}`,
      kind: 'person',
      name: preferred,
      names,
      description,
      externalIds: [{ scheme: 'frus-person', value: frusId }],
      source,
      ...(years ? { years } : {}),
      descriptions: description ? [{ text: description, source, ...(years ? { years } : {}) }] : [],
    };
  }
}

/** The FRUS person id an authority was read from. */
export function frusIdOf(authority: Authority): string {
  return (
    authority.externalIds?.find((e) => e.scheme === 'frus-person' || e.scheme === 'frus-term')?.value ?? ''
  );
}

/**
 * FRUS lists persons surname first, for sorting: "Amory, Robert", "Burke, Admiral Arleigh A.",
 * "Hoover, Herbert C., Jr.", "Chang, Myon, (John Myun Chang)". The preferred name reads in running
 * order with the rank left out and the suffix kept ("Herbert C. Hoover, Jr."); the list form and
 * any bracketed other name are kept as variants. A name without a comma ("Chung Il Kwan", "Yi
 * Ki-pong") is already in its own order.
 */
export function readListName(listForm: string): { preferred: string; variants: string[] } {
  const name = parsePersonName(listForm, { listEntry: true });
  return { preferred: name.display || listForm.trim(), variants: name.variants };
}
