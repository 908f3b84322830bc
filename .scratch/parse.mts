import { readFileSync } from 'node:fs';
import { parsePersonName } from '../src/names/person-name.parse.ts';
const p = JSON.parse(readFileSync('/tmp/explore/persons.json','utf8'));
const forms = p.map((x:any)=>x.names.find((n:any)=>n.kind==='variant')?.form ?? x.name);
const sample = ['Hoover, Herbert C., Jr.','Kennedy, Colonel Richard T.','Radford, Adm., Arthur W.','Nasser (Nasr, Nassir), Gamal Abd’al','J. Edgar Hoover','Chou En-lai','Mao Tse-tung (Mao Zedong)','Timmons, Benson E.K., II','Cabell, Lieutenant General Charles P., USAF','al–Khalidi, Fakhri, Husayn','Aldrich Winthrop W.','Ambassador Edward Brynn','James S. Lay, Jr.'];
for (const s of sample) { const n = parsePersonName(s); console.log(s,'=>',JSON.stringify({s:n.surname,g:n.given,x:n.suffix,t:n.titles,o:n.order,v:n.variants,d:n.display})); }
let t=performance.now(); for (const f of forms) parsePersonName(f); console.log('ms', performance.now()-t, forms.length);
