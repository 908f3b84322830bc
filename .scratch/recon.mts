import { readFileSync } from 'node:fs';
import { reconcilePeople } from '../src/names/people.reconcile.ts';
import { parseYearSpan } from '../src/names/office.parse.ts';
const p = JSON.parse(readFileSync('/tmp/explore/persons.json','utf8'));
const auths = p.map((x:any)=>{ const vol = x.vol.replace('.xml',''); const ys = parseYearSpan(vol.replace(/^frus/,'')); const years = ys ? `${ys.from}–${ys.to}` : undefined; return {...x, vol: undefined, source: vol, years, descriptions: x.description ? [{text: x.description, source: vol, years}] : []}; });
const t = performance.now();
const r = reconcilePeople(auths);
console.log('ms', (performance.now()-t).toFixed(0), 'observations', auths.length, 'people', r.people.length, 'review', r.review.length);
const show = (q:string) => { for (const g of r.people.filter(g=>g.name.toLowerCase().includes(q))) console.log(g.id, '|', g.name, '|', g.members!.length, '|', [...new Set(g.names.map(n=>n.form))].slice(0,6).join(' / ')); };
for (const q of ['gromyko','kennedy','hoover','mao','chou','dulles','acheson','khrushchev']) { console.log('==', q); show(q); }
const big = [...r.people].sort((a,b)=>b.members!.length-a.members!.length).slice(0,15).map(g=>`${g.name}(${g.members!.length})`);
console.log(big.join(', '));
console.log(r.review.length); console.log(r.review.slice(0,60).map(x=>JSON.stringify(x)).join('\n'));
// random merges
let seed = 42; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const merged = r.people.filter(g=>g.members!.length>1);
console.log('merged groups', merged.length, 'members in merged', merged.reduce((n,g)=>n+g.members!.length,0));
const picks = new Set<number>(); while (picks.size < 50) picks.add(Math.floor(rnd()*merged.length));
for (const i of picks) { const g = merged[i]!; console.log(`## ${g.name} [${g.members!.length}]: ${[...new Set(g.names.map(n=>n.form))].join(' / ')}`); for (const d of (g.descriptions??[])) console.log(`    ${d.source}: ${d.text.slice(0,110)}`); }
