import { openApp } from '../src/app.ts';
const app = await openApp({ db: '/tmp/new.db' });
const people = await app.store.listReconciled({ kind: 'person' });
const byId = new Map((await app.store.listAuthorities('person')).map(a => [a.id, a]));
let seed = 7; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const mixed = people.filter(p => p.members!.some(m => m.includes('~')) && p.members!.some(m => !m.includes('~')));
console.log('mixed groups', mixed.length);
for (let k = 0; k < 25; k++) {
  const p = mixed[Math.floor(rnd()*mixed.length)]!;
  const sigs = p.members!.filter(m => m.includes('~')).map(m => { const a = byId.get(m)!; return `${a.name}@${a.source} as ${(a.offices??[]).slice(0,2).map(o=>o.name+' '+o.date).join('; ')}`; });
  console.log(`## ${p.name}: ${sigs.join(' | ')}\n    ${(p.descriptions??[]).slice(0,3).map(d=>d.source+': '+d.text.slice(0,80)).join('\n    ')}`);
}
const review = await app.store.listReview();
console.log('review', review.length);
for (const r of review.slice(0, 30)) console.log(JSON.stringify(r));
await app.close();
