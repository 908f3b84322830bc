import type { Agent, Authority, AuthorityKind } from '../record/record.types.ts';
import { normalizeName, stripHonorifics } from './name.normalize.ts';
import { type NameKey, nameKeys, vietnameseCounterparts } from './translit/name.keys.ts';
import { type NameScript, scriptOf } from './translit/script.text.ts';
import { SOUND_LIKENESS, soundLikeness } from './translit/sound.likeness.ts';

/**
 * Authorities (people, places, organizations, terms) and every name form they go by, looked up by
 * any of those forms.
 *
 * @example
 * const index = new AuthorityIndex(loadAuthorities());
 * index.resolveAgent('Cde. Filippov [Stalin]'); // { name: 'Joseph Stalin', alias: 'Filippov', personId: 'stalin' }
 */
export class AuthorityIndex {
  /** The authorities the index was made with (the authority file): reconciliation starts from them. */
  readonly base: readonly Authority[];
  private readonly byId = new Map<string, Authority>();
  /** A reconciled authority by the id of each of its members. */
  private readonly byMember = new Map<string, Authority>();
  private readonly byForm = new Map<string, Authority[]>();
  /** Authorities by the keys of their name forms (translit/name.keys.ts), built when first asked. */
  private byRomanization: Map<string, RomanizedForm[]> | null = null;
  /** People by the last word of their preferred name, for documents that give a surname alone. */
  private readonly bySurname = new Map<string, Authority[]>();
  /** Authorities by each word of each of their name forms, for names given in part ("Acheson"). */
  private readonly byWord = new Map<string, Authority[]>();
  private version = 0;
  /** The store's reconciliation version the index holds (authorities.sync.ts); -1 before any. */
  private reconciledVersion = -1;

  constructor(authorities: Iterable<Authority> = []) {
    this.base = [...authorities];
    for (const authority of this.base) this.add(authority);
  }

  /**
   * Holds the reconciled authorities from now on (src/names/authorities.reconcile.ts): they
   * include the authority file's, merged with what the sources said of the same people.
   */
  reset(reconciled: readonly Authority[], storeVersion = -1): void {
    this.reconciledVersion = storeVersion;
    for (const map of [this.byId, this.byMember, this.byForm, this.bySurname, this.byWord]) map.clear();
    const covered = new Set(reconciled.flatMap((a) => a.members ?? [a.id]));
    for (const authority of reconciled) this.add(authority);
    for (const authority of this.base) if (!covered.has(authority.id)) this.add(authority);
    this.version++;
  }

  /** The store's reconciliation version last given to `reset`. */
  get storeVersion(): number {
    return this.reconciledVersion;
  }

  /** Changes each time `reset` gives the index other authorities: caches keyed on it stay right. */
  get generation(): number {
    return this.version;
  }

  /**
   * The id a record links for an authority: for a reconciled one, its first member (the
   * authority file's, else a source's), which stays when reconciling again renames the whole.
   */
  linkId(authority: Authority): string {
    return authority.members?.[0] ?? authority.id;
  }

  /** The authority a record's link stands for: by its own id or a member's. */
  resolveLink(id: string): Authority | undefined {
    return this.byId.get(id) ?? this.byMember.get(id);
  }

  /** Adds an authority, or merges its name forms into the one with the same id. */
  add(authority: Authority): void {
    const existing = this.byId.get(authority.id);
    const merged = existing
      ? {
          ...existing,
          names: [...existing.names, ...authority.names.filter((n) => !hasForm(existing, n.form))],
        }
      : authority;
    this.byId.set(merged.id, merged);
    this.byRomanization = null;
    for (const member of merged.members ?? []) this.byMember.set(member, merged);
    for (const form of [merged.name, ...merged.names.map((n) => n.form)]) {
      const key = normalizeName(form);
      addTo(this.byForm, key, merged);
      for (const word of key.split(' ')) if (word.length > 1) addTo(this.byWord, word, merged);
    }
    if (merged.kind === 'person')
      addTo(this.bySurname, normalizeName(merged.name).split(' ').at(-1) ?? '', merged);
  }

  /** Every authority of a kind one of whose name forms holds the word (normalized, as `normalizeName` gives it). */
  withWord(word: string, kind?: AuthorityKind): Authority[] {
    return (this.byWord.get(word) ?? []).filter((a) => !kind || a.kind === kind);
  }

  /** Every authority of a kind that goes by the form, whoever else does. */
  named(form: string, kind?: AuthorityKind): Authority[] {
    return (this.byForm.get(normalizeName(form)) ?? []).filter((a) => !kind || a.kind === kind);
  }

  get(id: string): Authority | undefined {
    return this.byId.get(id);
  }

  all(kind?: AuthorityKind): Authority[] {
    const all = [...this.byId.values()];
    return kind ? all.filter((a) => a.kind === kind) : all;
  }

  /** The authority a name form stands for, or undefined when none or several equally do. */
  find(form: string, kind?: AuthorityKind): Authority | undefined {
    const candidates = (this.byForm.get(normalizeName(stripHonorifics(form))) ?? []).filter(
      (a) => !kind || a.kind === kind,
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /**
   * Every authority of a kind one of whose name forms holds all the words of `text`, in any
   * order: "Acheson" finds Dean Acheson and David Acheson, "Kennedy" every Kennedy. For fields
   * of a search (`author:Acheson`), which mean anyone of that name; never to link a record.
   *
   * @example index.findAll('Kennedy', 'person').map((p) => p.name) // ['John F. Kennedy', 'Robert F. Kennedy', …]
   */
  findAll(text: string, kind?: AuthorityKind): Authority[] {
    const exact = this.find(text, kind);
    if (exact) return [exact];
    const words = normalizeName(stripHonorifics(text)).split(' ').filter(Boolean);
    const first = words[0];
    if (!first) return [];
    const candidates = (this.byWord.get(first) ?? []).filter((a) => !kind || a.kind === kind);
    return candidates.filter((authority) =>
      [authority.name, ...authority.names.map((n) => n.form)].some((form) => {
        const formWords = normalizeName(form).split(' ');
        return words.every((w) => formWords.includes(w));
      }),
    );
  }

  /**
   * The authority whose name, in any romanization or script, sounds like `form`: "Kim Il-sung",
   * "Ким Ир Сен" and "김일성" find Kim Il Sung though only one of them is in the authority file.
   * Undefined when no or several authorities share the form's romanization key. `chinese`: the
   * form is a syllable of a Chinese name, read by the Chinese systems only ("Мао" is Mao; "Кан"
   * is not the Vietnamese Can).
   */
  findByRomanization(
    form: string,
    kind?: AuthorityKind,
    options: { chinese?: boolean } = {},
  ): Authority | undefined {
    const written = stripHonorifics(form);
    const script = scriptOf(written);
    const byKey = this.romanizations();
    const keys = nameKeys(written);
    const withKeys = (of: readonly NameKey[], acrossScripts = false) =>
      this.authoritiesByKeys(of, written, script, byKey, kind, acrossScripts);
    if (options.chinese) return onlyOne(withKeys(keys.filter((k) => k.family === 'zh')));
    // The systems' keys first, and the Russian forms of Vietnamese names (in the other script);
    // the loose phonetic key only when they find no one: "Нгуен Ван Тхиеу" is Nguyen Van Thieu by
    // his Russian form, though his skeleton is Nguyen Van Thoai's too.
    const found = withKeys(keys.filter((k) => k.family !== 'ph'));
    for (const authority of withKeys(vietnameseCounterparts(keys), true)) found.add(authority);
    if (found.size > 0) return onlyOne(found);
    return onlyOne(withKeys(keys.filter((k) => k.family === 'ph')));
  }

  /** The authorities with a form under one of `keys`; `acrossScripts`: only forms in another script than `written`'s. */
  private authoritiesByKeys(
    keys: readonly NameKey[],
    written: string,
    script: NameScript | undefined,
    byKey: Map<string, RomanizedForm[]>,
    kind: AuthorityKind | undefined,
    acrossScripts = false,
  ): Set<Authority> {
    const found = new Set<Authority>();
    for (const { family, key } of keys) {
      for (const entry of byKey.get(`${family}:${key}`) ?? []) {
        if (family === 'ph' && !alikeBySound(written, script, entry)) continue;
        // A dictionary's characters join a Latin name to its characters, not to another Latin name.
        if ((acrossScripts || family === 'cc') && entry.script === script) continue;
        if (!kind || entry.authority.kind === kind) found.add(entry.authority);
      }
    }
    return found;
  }

  private romanizations(): Map<string, RomanizedForm[]> {
    if (this.byRomanization) return this.byRomanization;
    const map = new Map<string, RomanizedForm[]>();
    for (const authority of this.byId.values()) {
      if (authority.kind === 'term') continue;
      for (const form of new Set([authority.name, ...authority.names.map((n) => n.form)])) {
        for (const { family, key } of nameKeys(form)) {
          const list = map.get(`${family}:${key}`) ?? [];
          if (!list.some((e) => e.authority === authority && e.form === form))
            list.push({ authority, form, script: scriptOf(form) });
          map.set(`${family}:${key}`, list);
        }
      }
    }
    this.byRomanization = map;
    return map;
  }

  /**
   * Reads a name as a document writes it: "Cde. Filippov [Stalin]", "Filippov (Stalin)",
   * "Mao Zedong", "FILIPPOV". The bracketed part is an editor's identification of the person
   * behind the written form, so the written form becomes the alias.
   */
  resolveAgent(raw: string): Agent {
    const written = stripHonorifics(raw.trim());
    const bracketed = /^(.*?)\s*[[(]([^\])]+)[\])]\s*$/u.exec(written);
    const form = (bracketed?.[1] ?? written).trim();
    const identified = bracketed?.[2]?.trim();
    const person =
      (identified ? this.find(identified, 'person') : undefined) ??
      this.find(form, 'person') ??
      (identified ? undefined : this.findBySurname(form));
    if (!person) {
      return { name: identified ?? form, alias: identified ? form : null, personId: null, raw };
    }
    return {
      name: person.name,
      alias: isAliasOf(form, person) ? toDisplayCase(form) : null,
      personId: this.linkId(person),
      raw,
    };
  }

  private findBySurname(form: string): Authority | undefined {
    const people = this.bySurname.get(normalizeName(form)) ?? [];
    return people.length === 1 ? people[0] : undefined;
  }
}

/** A name form of an authority under one of its keys, with its script. */
interface RomanizedForm {
  authority: Authority;
  form: string;
  script: string | undefined;
}

/**
 * Whether a form found under the loose phonetic key is the written name said in another script:
 * the key joins scripts only ("Даллес" and "Dulles", not "Dulles" and "Dallas"), and as in a
 * search, only a spelling of as many words that sounds alike ("Менон" is not "Maung Nu").
 */
function alikeBySound(written: string, script: string | undefined, entry: RomanizedForm): boolean {
  return (
    entry.script !== script &&
    written.split(/\s+/).length === entry.form.split(/\s+/).length &&
    soundLikeness(written, entry.form) >= SOUND_LIKENESS
  );
}

/** The one authority found; none when several are, as when none is. */
function onlyOne(found: Set<Authority>): Authority | undefined {
  return found.size === 1 ? [...found][0] : undefined;
}

function addTo(map: Map<string, Authority[]>, key: string, authority: Authority): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  const at = list.findIndex((a) => a.id === authority.id);
  if (at < 0) list.push(authority);
  else list[at] = authority;
  map.set(key, list);
}

function hasForm(authority: Authority, form: string): boolean {
  const key = normalizeName(form);
  return normalizeName(authority.name) === key || authority.names.some((n) => normalizeName(n.form) === key);
}

/** A form is an alias unless it is the preferred name or part of it (a surname alone). */
function isAliasOf(form: string, person: Authority): boolean {
  const key = normalizeName(form);
  const preferred = normalizeName(person.name);
  return key !== preferred && !preferred.split(' ').includes(key);
}

/** "FILIPPOV" as a name is "Filippov"; mixed-case forms stay as written. */
function toDisplayCase(form: string): string {
  if (form !== form.toUpperCase()) return form;
  return form
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
