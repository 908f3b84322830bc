import { readdirSync } from 'node:fs';
import { teiFrusReader } from '../src/ingest/formats/tei-frus.reader.ts';
import { openSourceFile } from '../src/ingest/source-file.ts';
import { AuthorityIndex } from '../src/names/authority.index.ts';
import { buildIndexDocument } from '../src/search/index-document.build.ts';
import { nameKeys } from '/work/wt-translit/src/names/translit/name.keys.ts';
const dir = '/work/shared/corpus/frus-volumes/';
const forms = new Map<string, number>();
let docs = 0; let tBuild = 0;
for (const f of readdirSync(dir).sort().slice(0, 45)) {
  const src = await openSourceFile(dir + f);
  for await (const item of teiFrusReader.read(src, { authorities: new AuthorityIndex() })) {
    if (item.kind !== 'record') continue;
    const t = performance.now(); const d = buildIndexDocument(item.record); tBuild += performance.now() - t;
    docs++; for (const form of d.nameForms) forms.set(form, (forms.get(form) ?? 0) + 1);
  }
}
console.log('docs', docs, 'distinct forms', forms.size, 'build ms', tBuild.toFixed(0));
const t = performance.now(); let keys = 0; for (const f of forms.keys()) keys += nameKeys(f).length;
console.log('nameKeys ms', (performance.now() - t).toFixed(0), 'keys', keys);
console.log([...forms].sort((a,b)=>b[1]-a[1]).slice(0,40).map(([f,c])=>f+':'+c).join(' | '));
const uni = [...forms.keys()].filter(f => !/\s/.test(f));
const multi = [...forms.keys()].filter(f => /\s/.test(f));
console.log('unigrams', uni.length, 'multi', multi.length);
const { createNameKeys } = await import('/work/wt-translit/src/names/translit/name.keys.ts');
const fresh = createNameKeys({ cacheSize: 0 });
let t1 = performance.now(); for (const f of uni) fresh(f); console.log('unigram keys ms', (performance.now()-t1).toFixed(0));
const short = multi.filter(f => f.split(/\s+/).every(w => w.length <= 8 && !/[A-Z]{2}/.test(w)));
console.log('short multi', short.length);
t1 = performance.now(); for (const f of short.slice(0, 50000)) fresh(f); console.log('50k short multi ms', (performance.now()-t1).toFixed(0));
