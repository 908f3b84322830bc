import { readFileSync } from 'node:fs';
const file = process.argv[2];
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map(n => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas; const samples = prof.samples;
for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (dt[i] ?? 0));
// self time by function
const fnSelf = new Map();
for (const [id, t] of self) { const n = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; fnSelf.set(key, (fnSelf.get(key) ?? 0) + t); }
const total = [...self.values()].reduce((a,b)=>a+b,0);
console.log('total ms', (total/1000).toFixed(0));
for (const [k, t] of [...fnSelf].sort((a,b)=>b[1]-a[1]).slice(0, 35)) console.log((t/1000).toFixed(0).padStart(6), k);
// inclusive by file
const parent = new Map(); for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of self) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const key = n.callFrame.url.split('/').slice(-1)[0] || n.callFrame.functionName; if (!seen.has(key)) { incl.set(key, (incl.get(key) ?? 0) + t); seen.add(key); } cur = parent.get(cur); } }
console.log('--- inclusive by file');
for (const [k, t] of [...incl].sort((a,b)=>b[1]-a[1]).slice(0, 30)) console.log((t/1000).toFixed(0).padStart(6), k);
