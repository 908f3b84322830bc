import { openCorpusApp } from '../test/support/corpus.app.ts';
const app = await openCorpusApp({ frus: true });
for (const f of ['Chou Enlai']) {
  const c = app.authorities.all('person').filter(a => [a.name, ...a.names.map(n=>n.form)].some(x => /chou|zhou/i.test(x)));
  console.log(c.map(a=>`${a.id}: ${a.names.map(n=>n.form).join('/')}`).join('\n'));
}
await app.close();
