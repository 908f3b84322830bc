/**
 * People reconciled from more than one record, drawn at random (a fixed seed, so the same draw
 * each time), with what each source says: for checking merges by hand.
 *
 *   npx tsx bench/people-sample.ts --db archive.db [--count 50] [--seed 1]
 *
 * Prints, for each person, the forms and descriptions of every member, with its source, and at
 * the end how many person records the archive holds, how many people they make, and how many
 * matches are left for review.
 */
import { parseArgs } from 'node:util';
import { openApp } from '../src/app.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    count: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.db) throw new Error('give the archive with --db FILE');
const app = await openApp({ db: values.db });
try {
  const people = await app.store.listReconciled({ kind: 'person' });
  const records = new Map((await app.store.listAuthorities('person')).map((a) => [a.id, a]));
  const merged = people.filter((p) => (p.members?.length ?? 0) > 1);
  let seed = Number(values.seed);
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 0x100000000;
  };
  const drawn = new Set<number>();
  while (drawn.size < Math.min(Number(values.count), merged.length))
    drawn.add(Math.floor(next() * merged.length));
  for (const [n, index] of [...drawn].entries()) {
    const person = merged[index];
    if (!person) continue;
    console.log(`\n${n + 1}. ${person.name} (${person.id}), ${person.members?.length} records`);
    for (const id of person.members ?? []) {
      const record = records.get(id);
      const forms = [...new Set([record?.name, ...(record?.names ?? []).map((f) => f.form)])].join(' / ');
      const said = [
        ...(record?.descriptions ?? []).map((d) => d.text),
        ...(record?.offices ?? []).map((o) => `signed as ${o.name} ${o.date ?? ''}`),
      ].join('; ');
      console.log(`   ${id}: ${forms}${said ? ` — ${said.slice(0, 140)}` : ''}`);
    }
  }
  const review = await app.store.listReview();
  console.log(
    `\n${records.size} person records → ${people.length} people (${merged.length} from more than one record); ${review.length} matches left for review`,
  );
} finally {
  await app.close();
}
