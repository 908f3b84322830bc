import { readTeiFile } from '../test/support/frus-read.ts';
import { FRUS_DIR, FRUS_CURRENT_DIR } from '../test/support/shared-paths.ts';
for (const f of [`${FRUS_DIR}frus1951v07p2.xml`, `${FRUS_DIR}frus1955-57v23p2.xml`, `${FRUS_CURRENT_DIR}frus1955-57v23p2-excerpt.xml`]) {
  const r = await readTeiFile(f);
  console.log(f, r.items.slice(0,3).map(i => i.kind + (i.kind==='problem' ? ':'+i.problem.message : i.kind==='authority'? ':'+i.authority.id:'')));
}
