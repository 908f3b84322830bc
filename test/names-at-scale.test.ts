import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { reconcileAuthorities } from '../src/names/authorities.reconcile.ts';
import type { Authority, ChanceryRecord } from '../src/record/record.types.ts';
import { resolveFields } from '../src/search/query/query.resolve.ts';
import { splitPlan } from '../src/search/search.plan.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { openCorpusApp } from './support/corpus.app.ts';
import { ndcgAtK, recallAtK } from './support/relevance.metrics.ts';
import { FRUS_DIR, SHARED_DIR } from './support/shared-paths.ts';

/**
 * Names at archive scale: the 45 FRUS volumes of ../shared (14,659 documents, 1948–1980) and the
 * two of the tests, in one SQLite archive built once for this file (about a minute).
 */
const VOLUMES_DIR = `${SHARED_DIR}corpus/frus-volumes/`;
const JUDGED = new URL('./relevance/judged-volumes.json', import.meta.url);
const EARLIER = new URL('./relevance/judged-queries.json', import.meta.url);

interface Judged {
  query: string;
  kind: string;
  relevant: string[];
}

let app: App;
let dir: string;
let people: Authority[];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-scale-'));
  app = await openApp({ db: join(dir, 'volumes.db') });
  const report = await ingestPaths({
    paths: [VOLUMES_DIR, FRUS_DIR],
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
  assert.equal(report.failed, 0);
  people = await app.store.listReconciled({ kind: 'person' });
});

after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether a record writes `name` in its title, texts, signers or recipients. */
async function writes(id: string, name: RegExp): Promise<boolean> {
  return read(await app.store.getRecord(id), name);
}

function read(record: ChanceryRecord | null, name: RegExp): boolean {
  return Boolean(
    record && name.test(JSON.stringify([record.title, record.texts, record.authors, record.recipients])),
  );
}

/** Whether a record writes `name`, or links a person, place or body of that name ("Sam Rayburn" as "Rayburn"). */
async function names(id: string, name: RegExp): Promise<boolean> {
  const record = await app.store.getRecord(id);
  return Boolean(
    record && (read(record, name) || name.test(JSON.stringify(record.mentions.map((m) => m.name)))),
  );
}

/** The reconciled person a name form of theirs belongs to; fails when none or several have it. */
function personWith(form: string): Authority {
  const found = people.filter((p) => p.names.some((n) => n.form === form));
  assert.equal(found.length, 1, `${form}: ${found.map((p) => p.id).join(', ') || 'nobody'}`);
  return found[0] as Authority;
}

test('the same person is one person across the volumes: every source’s record of them, with its description', (t) => {
  const gromyko = personWith('Gromyko, Andrei A.');
  // Each volume's list spells him its own way, misprinted middle initials included.
  for (const form of [
    'Gromyko, Andrei Andreevich',
    'Gromyko, Andrei Y.',
    'Gromyko, Andrei M.',
    'Gromyko, Andrei',
  ])
    assert.equal(personWith(form).id, gromyko.id, form);
  const listed = (gromyko.members ?? []).filter((m) => m.startsWith('frus'));
  assert.ok(listed.length >= 20, `${listed.length} persons-list entries`);
  const descriptions = gromyko.descriptions ?? [];
  assert.ok(descriptions.some((d) => /Foreign Minister/.test(d.text) && d.source === 'frus1964-68v15'));
  assert.ok(descriptions.some((d) => /First Deputy Minister/.test(d.text) && d.source === 'frus1955-57v01'));
  assert.equal(personWith('Khrushchev, Nikita Sergeyevich').id, personWith('Khrushchev, Nikita S.').id);
  // The FRUS spellings join the authority file's person.
  assert.equal(personWith('Mao Tse-tung').id, 'mao-zedong');
  assert.equal(personWith('Chou En-lai').id, 'zhou-enlai');
  t.diagnostic(
    `${people.length} people from ${people.reduce((n, p) => n + (p.members?.length ?? 0), 0)} person records of the sources`,
  );
});

test('namesakes are kept apart: other first names, a father and his son, two brothers', () => {
  const kennedys = ['Kennedy, John F.', 'Kennedy, Robert F.', 'Kennedy, Edward M.', 'Kennedy, David M.'].map(
    (form) => personWith(form).id,
  );
  assert.equal(new Set(kennedys).size, 4);
  assert.notEqual(personWith('Dulles, Allen W.').id, personWith('Dulles, John Foster').id);
  assert.notEqual(personWith('Hoover, J. Edgar').id, personWith('Hoover, Herbert C., Jr.').id);
  // A misprinted initial under the same office is the same Under Secretary.
  assert.equal(personWith('Hoover, Herbert J.').id, personWith('Hoover, Herbert C., Jr.').id);
});

test('a signature of a surname alone joins the person who held that office at that date, or waits for an editor', async () => {
  // "Acheson" signs the Secretary of State's telegrams of 1949; a later volume says Dean Acheson
  // was Secretary of State from January 1949 to January 1953.
  const acheson = personWith('Acheson, Dean');
  assert.ok(acheson.members?.includes('frus1949v07p1~acheson'));
  assert.ok(acheson.members?.includes('frus1951v07p2~acheson'));
  // The Kirk who signs in 1948 could be any Kirk the lists name: kept apart and listed for review.
  const review = await app.store.listReview();
  const kirk = review.find((r) => r.memberId === 'frus1948v01p1~kirk');
  assert.ok(kirk && kirk.candidates.length >= 1, 'the 1948 Kirk is for an editor to decide');
  assert.ok(!people.some((p) => p.members?.includes('frus1948v01p1~kirk') && (p.members?.length ?? 0) > 1));
});

test('a given name alone is no surname: a "John" of 1958 is not Chang Myon (John Myun Chang), and waits for an editor', async () => {
  // The persons list reads "Chang Myon (John Myun Chang)", without a comma: a name read whole, of
  // which "John" is a word, as "Diem" is of "Ngo Dinh Diem". The lists write John as a given name.
  const chang = personWith('Chang Myon (John Myun Chang)');
  assert.ok(!chang.members?.includes('frus1958-60v18~john'), (chang.members ?? []).join(', '));
  const review = await app.store.listReview();
  assert.ok(review.some((r) => r.memberId === 'frus1958-60v18~john' && r.candidates.length >= 1));
  // Found as written, not as every document that writes "John".
  const { total, hits } = await searchArchive({ q: 'Chang Myon', pageSize: 100 }, app);
  assert.ok(total <= hits.length, `${total} documents`);
  for (const hit of hits) assert.ok(await names(hit.id, /Chang|Myon|Myun/), hit.id);
});

test('reconciliation is deterministic and idempotent: another order gives the same people; again, nothing changes', async () => {
  const stored = await app.store.listAuthorities();
  const base = app.authorities.base;
  const forward = reconcileAuthorities([...base, ...stored]);
  const shuffled = [...stored].sort((a, b) => hash(a.id) - hash(b.id) || (a.id < b.id ? -1 : 1));
  const backward = reconcileAuthorities([...shuffled.reverse(), ...base]);
  assert.deepEqual(
    backward.authorities.map((a) => [a.id, a.members]),
    forward.authorities.map((a) => [a.id, a.members]),
  );
  // The archive was reconciled at the end of its ingest: doing it again writes nothing.
  assert.equal(await app.store.saveReconciliation(forward), false);
});

test('author, recipient and person fields find people in no authority file, by any part of their name or by their office', async () => {
  const total = async (q: string) => (await searchArchive({ q, page: 1, pageSize: 0 }, app)).total;
  assert.ok((await total('author:Acheson')) > 150);
  assert.ok((await total('person:"Dean Acheson"')) >= (await total('author:Acheson')));
  assert.ok((await total('author:"Secretary of State"')) > 500);
  // The Secretary's telegrams are Acheson's, Dulles's, Rusk's: the office and the people in it.
  const secretaries = (await searchArchive({ q: 'author:"Secretary of State"', page: 1 }, app)).facets.author;
  for (const name of ['Dean Acheson', 'John Foster Dulles', 'Dean Rusk'])
    assert.ok(
      secretaries.some((v) => v.label === name),
      name,
    );
});

test('senders and recipients however a head writes them: an office then a surname, a name then its post, a listing’s day and subject', async (t) => {
  const agents = async (id: string) => {
    const record = await app.store.getRecord(id);
    assert.ok(record, id);
    const read = (list: typeof record.authors) => list.map((a) => [a.name, a.office ?? null]);
    return { from: read(record.authors), to: read(record.recipients), authors: record.authors };
  };
  // "Message From Secretary of State Kissinger to French President Giscard d’Estaing".
  assert.deepEqual((await agents('frus1969-76v28-d155')).from, [
    ['Henry A. Kissinger', 'Secretary of State'],
  ]);
  // "Secretary of Defense McNamara at the Ministerial Meeting of the North Atlantic Council".
  assert.deepEqual((await agents('frus1961-63v08-d82')).from, [
    ['Robert S. McNamara', 'Secretary of Defense'],
  ]);
  // "No. 383 Memorandum by John H. Ohly, Assistant Director for Program, …, to Edwin M. Martin, …".
  assert.deepEqual(await agents('frus1952-54v12p2-d383').then(({ from, to }) => [from, to]), [
    [['John H. Ohly', 'Assistant Director for Program, Office of the Director of Mutual Security']],
    [['Edwin M. Martin', 'Special Assistant to the Secretary for Mutual Security Affairs']],
  ]);
  // "…, by Homer M. Byington, Jr., Adviser to the United States Delegation …": a post, no recipient.
  const byington = await agents('frus1952-54v12p2-d234');
  assert.deepEqual(byington.to, []);
  assert.equal(byington.from[0]?.[0], 'Homer M. Byington, Jr.');
  // "…, by G. Hayden Raynor, Special Assistant to the Director … (Hickerson)": the bracket is the recipient.
  assert.deepEqual((await agents('frus1948v01p1-d61')).to, [
    ['Hickerson', 'Director of the Office of European Affairs'],
  ]);
  // A listing: "Memorandum from Rusk to President Kennedy, April 3, 1961. Upcoming visit of …".
  assert.equal((await agents('frus1961-63v10-12mSupp-d169')).from[0]?.[0], 'Rusk');
  // A Department of State telegram goes out over the Secretary's name: "Rusk" of 1964 is Dean Rusk.
  assert.equal((await agents('frus1964-68v02-d19')).authors[0]?.personId, personWith('Rusk, Dean').id);
  // Over the judged signatories, the whole result.
  const judged = (JSON.parse(readFileSync(JUDGED, 'utf8')) as { queries: Judged[] }).queries.filter(
    (j) => j.kind === 'signatory',
  );
  const recalls: number[] = [];
  for (const j of judged) {
    const found = new Set(await everyHit(j.query));
    recalls.push(j.relevant.filter((id) => found.has(id)).length / j.relevant.length);
  }
  t.diagnostic(
    `${judged.length} queries: mean recall ${mean(recalls).toFixed(3)}, least ${Math.min(...recalls).toFixed(3)}`,
  );
  assert.ok(mean(recalls) >= 0.97, `mean recall ${mean(recalls).toFixed(3)}`);
  assert.ok(Math.min(...recalls) >= 0.94, `least recall ${Math.min(...recalls).toFixed(3)}`);
});

test('relevance over the judged sets, earlier and of the 45 volumes: recall@10 ≥ 0.95 and nDCG@10 ≥ 0.9', async (t) => {
  const judge = (q: Judged[], on: App) => evaluate(q, on);
  const volumes = (JSON.parse(readFileSync(JUDGED, 'utf8')) as { queries: Judged[] }).queries;
  const earlier = (JSON.parse(readFileSync(EARLIER, 'utf8')) as { queries: Judged[] }).queries;
  assert.ok(volumes.length >= 40, `${volumes.length} queries over the volumes`);
  const corpus = await openCorpusApp({ frus: true });
  try {
    const scores = [...(await judge(volumes, app)), ...(await judge(earlier, corpus))];
    const recall = scores.reduce((s, x) => s + x.recall, 0) / scores.length;
    const ndcg = scores.reduce((s, x) => s + x.ndcg, 0) / scores.length;
    const ofVolumes = scores.slice(0, volumes.length);
    t.diagnostic(
      `${scores.length} queries: recall@10 ${recall.toFixed(3)}, nDCG@10 ${ndcg.toFixed(3)}; the ${volumes.length} over the volumes: recall@10 ${mean(ofVolumes.map((s) => s.recall)).toFixed(3)}, nDCG@10 ${mean(ofVolumes.map((s) => s.ndcg)).toFixed(3)}`,
    );
    for (const s of scores.filter((x) => x.recall < 1 || x.ndcg < 1))
      t.diagnostic(`${s.query}: recall@10 ${s.recall.toFixed(2)}, nDCG@10 ${s.ndcg.toFixed(2)}`);
    assert.ok(recall >= 0.95, `recall@10 ${recall.toFixed(3)}`);
    assert.ok(ndcg >= 0.9, `nDCG@10 ${ndcg.toFixed(3)}`);
  } finally {
    await corpus.close();
  }
});

test('a name in another script or romanization finds every document that writes it, not only a first page', async (t) => {
  // The whole result, page after page, against what the judging script found in the XML: a name
  // written only in a document's head (a memorandum "to President Kennedy"), or in a spelling the
  // authority file does not list (Kim Il-song), is the name all the same.
  const judged = (JSON.parse(readFileSync(JUDGED, 'utf8')) as { queries: Judged[] }).queries.filter(
    (j) => j.kind === 'cross-script' || j.kind === 'transliteration',
  );
  assert.ok(judged.length >= 25, `${judged.length} queries`);
  const recalls: number[] = [];
  for (const j of judged) {
    const found = new Set(await everyHit(j.query));
    const recall = j.relevant.filter((id) => found.has(id)).length / j.relevant.length;
    recalls.push(recall);
    if (recall < 1)
      t.diagnostic(`${j.query}: ${found.size} found, recall ${recall.toFixed(3)} of ${j.relevant.length}`);
  }
  const least = Math.min(...recalls);
  t.diagnostic(
    `${judged.length} queries: mean recall ${mean(recalls).toFixed(3)}, least ${least.toFixed(3)}`,
  );
  assert.ok(mean(recalls) >= 0.98, `mean recall ${mean(recalls).toFixed(3)}`);
  assert.ok(least >= 0.9, `least recall ${least.toFixed(3)}`);
});

test('a name found by sound takes only the likeliest spellings: Эйзенхауэр finds Eisenhower, not Sanger; Киссинджер Kissinger, not Kiesinger', async () => {
  // No Russian system spells either: the spellings come by sound. "Sanger" has Eisenhower's
  // consonants and sounds nearly as alike; "Kiesinger" sounds as Kissinger does, and is further
  // in letters. Each hit is read in the record itself, its signers included ("EISENHOWER" signs
  // an airgram of 1970 the judging's spelling does not find).
  for (const [query, name] of [
    ['Эйзенхауэр', /eisenhower/i],
    ['Киссинджер', /kissinger/i],
  ] as const) {
    const judged = (JSON.parse(readFileSync(JUDGED, 'utf8')) as { queries: Judged[] }).queries.find(
      (j) => j.query === query,
    );
    assert.ok(judged);
    const found = await everyHit(query);
    const others: string[] = [];
    for (const id of found) if (!(await writes(id, name))) others.push(id);
    assert.deepEqual(others, [], `${others.length} of ${found.length} documents do not write ${name.source}`);
    assert.ok(found.length >= 0.95 * judged.relevant.length, `${found.length} of ${judged.relevant.length}`);
  }
});

test('a dictionary joins a name to its characters, never to another name of the same characters: Tokyo is not Tonkin', async () => {
  // 東京 is Tokyo and, in the French colonial period, Tonkin (CC-CEDICT); 巴黎 and 巴里, both
  // "bali", are Paris and Bari. No name finds a document that writes the other and not itself.
  for (const [query, name, other] of [
    ['Tokyo', /tokyo/i, /tonkin/i],
    ['Tonkin', /tonkin/i, /tokyo/i],
    ['Paris', /paris/i, /\bba[rl]i\b/i],
  ] as const) {
    const found = await everyHit(query);
    const wrong: string[] = [];
    for (const id of found) if (!(await writes(id, name)) && (await writes(id, other))) wrong.push(id);
    assert.deepEqual(
      wrong,
      [],
      `${wrong.length} of ${found.length} documents write ${other.source}, not ${name.source}`,
    );
  }
  // "Kinmen or Quemoy islands off the Fujian coast": the characters find both names.
  const named = new Set([...(await everyHit('Quemoy')), ...(await everyHit('Kinmen'))]);
  const characters = await everyHit('金门');
  assert.ok(
    characters.length >= 0.95 * named.size,
    `金门 ${characters.length}, Quemoy or Kinmen ${named.size}`,
  );
  assert.deepEqual(
    characters.filter((id) => !named.has(id)),
    [],
    '金门 finds what Quemoy and Kinmen find',
  );
});

test('the syllables of a Chinese name are read as Chinese: Кан Шэн is not Ngo Dinh Can beside a senator, Ху Ши not Tran Van Huu', async () => {
  // Кан is also the Russian form of the Vietnamese Can (Ngo Dinh Can, whom a persons list calls
  // "Can"), Ху of Huu (Tran Van Huu), and Шэн sounds like "Sen." (a senator): read one by one,
  // Kang Sheng, whom the volumes never name, found 56 documents of those. Every document found
  // writes the syllables as the Chinese systems read them.
  for (const [query, syllables] of [
    ['Кан Шэн', [/\bK\W?ang\b/i, /\bSheng\b/i]],
    ['Ху Ши', [/\bHu\b/i, /\bShih?\b/i]],
    ['Мао Чжоу', [/\bMao\b/i, /\b(Chou|Zhou)\b/i]],
  ] as const) {
    const found = await everyHit(query);
    const wrong: string[] = [];
    for (const id of found) {
      for (const syllable of syllables) if (!(await writes(id, syllable))) wrong.push(id);
    }
    assert.deepEqual(
      wrong,
      [],
      `${query}: ${wrong.length} of ${found.length} documents do not write its syllables`,
    );
  }
  // A name the texts write is found whole (Hu Shih), and syllables of two names still find both.
  assert.ok((await everyHit('Ху Ши')).length > 0, 'Ху Ши finds Hu Shih');
  assert.ok((await everyHit('Мао Чжоу')).length > 0, 'Мао Чжоу finds Mao and Chou');
});

test('a spelling is a name where the texts write it as one: words that open sentences are no spelling of a name', async () => {
  // "The U" (of "The U.S.") has the Russian key of Thieu, "Begin" that of Пекин, and "Some" and
  // "Seem" sound like Зьем: each capitalized at the start of a sentence, in lower case far more
  // often. No document is found for writing one of them and none of the name's own spellings.
  for (const [query, name, word] of [
    ['Thieu', /thieu/i, /\bThe U\b/],
    ['Пекин', /peking|peiping|beijing|pekin|北京/i, /\bBegin\b/],
    ['Зьем', /\b(diem|sam|siem)\b/i, /\b(Some|Seem)\b/],
  ] as const) {
    const found = await everyHit(query);
    const wrong: string[] = [];
    for (const id of found) if (!(await names(id, name)) && (await writes(id, word))) wrong.push(id);
    assert.ok(found.length > 0, `${query} finds nothing`);
    assert.deepEqual(
      wrong,
      [],
      `${wrong.length} of ${found.length} documents found by ${query} write ${word.source}, not ${name.source}`,
    );
  }
});

test('the Russian form of an English name finds the name, not another that shares its consonants', async () => {
  // Each pair shares a skeleton of consonants (Аллен and Iran, Хьюз and House, Нитце and Notes):
  // the documents found name the English spelling Russian transcribes, and none is found for the
  // other name alone.
  for (const [query, name, other] of [
    ['Аллен', /\bAllen\b/, /\bIran\b/],
    ['Хьюз', /\bHughes\b/, /\bHouse\b/],
    ['Нитце', /\bNitze\b/, /\bNotes\b/],
    ['Болен', /\bBohlen\b/, /\bBerlin\b/],
    ['Смит', /\bSmith\b/, /\bSmoot\b/],
  ] as const) {
    const found = await everyHit(query);
    assert.ok(found.length >= 100, `${query} finds ${found.length} documents`);
    const wrong: string[] = [];
    for (const id of found) if (!(await names(id, name)) && (await writes(id, other))) wrong.push(id);
    assert.deepEqual(
      wrong,
      [],
      `${wrong.length} of ${found.length} found by ${query} write ${other.source}, not ${name.source}`,
    );
  }
});

test('the Russian form of a name of another language finds what the edition writes in its own spelling', async (t) => {
  // German st (Хальштейн, Hallstein), Polish c, ch, w (Рапацкий, Циранкевич, Охаб), Italian gn
  // (Сеньи, Segni), Swedish skj (Хаммаршельд), tsh (Чомбе, Tshombe), h between vowels (Сианук):
  // the whole result, judged from the XML (judged-volumes.json).
  const queries = ['Хальштейн', 'Рапацкий', 'Циранкевич', 'Охаб', 'Сеньи', 'Хаммаршельд', 'Чомбе', 'Сианук'];
  const judged = (JSON.parse(readFileSync(JUDGED, 'utf8')) as { queries: Judged[] }).queries.filter((j) =>
    queries.includes(j.query),
  );
  assert.equal(judged.length, queries.length);
  for (const j of judged) {
    const found = new Set(await everyHit(j.query));
    const recall = j.relevant.filter((id) => found.has(id)).length / j.relevant.length;
    t.diagnostic(`${j.query}: ${found.size} found, recall ${recall.toFixed(3)} of ${j.relevant.length}`);
    assert.ok(recall >= 0.95, `${j.query}: recall ${recall.toFixed(3)} of ${j.relevant.length}`);
    assert.ok(found.size <= j.relevant.length * 1.2, `${j.query}: ${found.size} found`);
  }
  // A doubled letter makes no other spelling: Моссадык finds the documents that write Mosadeq
  // and those that write Mossadeq (as a name: a telegram in capitals tells no name from a word).
  const mosadeq = new Set(await everyHit('Моссадык'));
  for (const spelling of ['Mosadeq', 'Mossadeq']) {
    const missed: string[] = [];
    for (const id of await everyHit(spelling))
      if (!mosadeq.has(id) && (await writes(id, new RegExp(`\\b${spelling}\\b`)))) missed.push(id);
    assert.deepEqual(missed, [], `Моссадык misses ${missed.length} documents that write ${spelling}`);
  }
});

test('person: finds the documents that name someone by their surname alone, in their years, when no one else bears it', async (t) => {
  // "the program of Mikoyan": running text that no persons list links. Judged from the XML, the
  // whole result: the person: queries whose judgments read the names in the texts.
  const judged = (JSON.parse(readFileSync(JUDGED, 'utf8')) as { queries: Judged[] }).queries.filter((j) =>
    j.query.startsWith('person:'),
  );
  assert.ok(judged.length >= 3, `${judged.length} queries`);
  const recalls: number[] = [];
  for (const j of judged) {
    const found = new Set(await everyHit(j.query));
    recalls.push(j.relevant.filter((id) => found.has(id)).length / j.relevant.length);
    t.diagnostic(
      `${j.query}: ${found.size} found, recall ${recalls.at(-1)?.toFixed(3)} of ${j.relevant.length}`,
    );
  }
  assert.ok(mean(recalls) >= 0.97, `mean recall ${mean(recalls).toFixed(3)}`);
  assert.ok(Math.min(...recalls) >= 0.95, `least recall ${Math.min(...recalls).toFixed(3)}`);
  // Not a surname another person bears (Howard Rusk), nor a common word (Hope), nor years before
  // the person's own: Governor Wallace of the 1960s is not the missionary "Dr. Wallace" of 1951.
  const linking = async (value: string) =>
    (
      await app.search.count(
        splitPlan(resolveFields({ kind: 'field', field: 'person', value }, app.authorities)),
        { facetLimit: 0 },
      )
    ).total;
  const total = async (q: string) => (await searchArchive({ q, page: 1, pageSize: 0 }, app)).total;
  assert.equal(await total('person:"Dean Rusk"'), await linking('Dean Rusk'));
  assert.equal(await total('person:"Ashley G. Hope"'), await linking('Ashley G. Hope'));
  const wallace = await everyHit('person:"George Wallace"');
  assert.ok(wallace.length > (await linking('George Wallace')), 'Wallace alone, in his years');
  assert.ok(!wallace.some((id) => id.startsWith('frus1951')), wallace.join(' '));
  // The person's page counts them where they are named in, as the search finds them.
  const mikoyan = judged.find((j) => j.query.includes('Mikoyan'));
  assert.ok(mikoyan);
  const page = await createWebApp(app).request(
    `/people/${encodeURIComponent(personWith('Mikoyan, Anastas I.').id)}`,
  );
  const namedIn = Number(/Named in \((\d+)\)/.exec(await page.text())?.[1]);
  assert.ok(namedIn >= 0.95 * mikoyan.relevant.length, `named in ${namedIn} of ${mikoyan.relevant.length}`);
});

test('the judgments over the volumes are what the judging script reads in the XML', () => {
  // Judged from the edition's own spellings, never from Chancery's answers (judge-volumes.ts).
  execFileSync(process.execPath, ['--import', 'tsx', 'test/relevance/judge-volumes.ts', '--check'], {
    stdio: 'pipe',
  });
});

/** The ids of every document a query finds, page after page. */
async function everyHit(q: string): Promise<string[]> {
  const found: string[] = [];
  for (let page = 1; ; page++) {
    const { hits } = await searchArchive({ q, page, pageSize: 100 }, app);
    found.push(...hits.map((h) => h.id));
    if (hits.length < 100) return found;
  }
}

async function evaluate(
  judged: Judged[],
  on: App,
): Promise<{ query: string; recall: number; ndcg: number }[]> {
  const scores = [];
  for (const j of judged) {
    const result = await searchArchive({ q: j.query, page: 1, pageSize: 10 }, on);
    const ranked = result.hits.map((h) => h.id);
    const relevant = new Set(j.relevant);
    scores.push({ query: j.query, recall: recallAtK(ranked, relevant), ndcg: ndcgAtK(ranked, relevant) });
  }
  return scores;
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h;
}
