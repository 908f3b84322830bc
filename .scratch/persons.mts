import { readdirSync, writeFileSync } from 'node:fs';
import { teiFrusReader } from '/work/main/src/ingest/formats/tei-frus.reader.ts';
import { openSourceFile } from '/work/main/src/ingest/source-file.ts';
import { AuthorityIndex } from '/work/main/src/names/authority.index.ts';
const dir = '/work/shared/corpus/frus-volumes/';
const out: any[] = [];
const signed: any[] = [];
for (const f of readdirSync(dir).sort()) {
  const src = await openSourceFile(dir + f);
  for await (const item of teiFrusReader.read(src, { authorities: new AuthorityIndex() })) {
    if (item.kind === 'authority' && item.authority.kind === 'person') out.push({ vol: f, ...item.authority });
    if (item.kind === 'record') for (const a of item.record.authors) signed.push({ vol: f, id: item.record.id, title: item.record.title, ...a });
  }
}
writeFileSync('/tmp/explore/persons.json', JSON.stringify(out));
writeFileSync('/tmp/explore/authors.json', JSON.stringify(signed));
console.log(out.length, signed.length);
