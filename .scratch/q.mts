import { openApp } from '../src/app.ts';
const app = await openApp({ db: '/tmp/new.db' });
for (const id of ['frus1951v07p2~acheson','frus1949v07p1~acheson','frus1951v07p2~gifford','frus1952-54v12p2~dulles','frus1948v01p1~g-c-marshall', 'frus1948v01p1~marshall']) {
  const g = await app.store.getReconciled(id);
  console.log(id, '→', g?.id, g?.name, g?.members?.length);
}
const people = await app.store.listReconciled({ kind: 'person' });
const obsOnly = people.filter(p => p.members!.every(m => m.includes('~')));
console.log('people', people.length, 'only-signature people', obsOnly.length);
console.log(obsOnly.slice(0, 40).map(p => `${p.name} [${p.members!.join(',')}]`).join('\n'));
await app.close();
