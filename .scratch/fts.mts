import Database from 'better-sqlite3';
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, b, content='', contentless_delete=1)`);
db.prepare('INSERT INTO t(rowid, a, b) VALUES (?, ?, ?)').run(1, 'alpha beta', 'gamma delta');
db.prepare('INSERT INTO t(rowid, a, b) VALUES (?, ?, ?)').run(2, 'gamma', 'zeta');
for (const q of ['b : ("gamma" + "delta" OR "zeta")', '("alpha") OR b : ("zeta")', '{b} : ("zeta" OR "gamma")']) {
  try { console.log(q, db.prepare('SELECT rowid FROM t WHERE t MATCH ?').pluck().all(q)); } catch (e) { console.log(q, String(e)); }
}
console.log(db.prepare('select sqlite_version()').pluck().get());
