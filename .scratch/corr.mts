import Database from 'better-sqlite3';
const db = new Database('/tmp/p.db', { readonly: true });
const sql = db.prepare(`EXPLAIN QUERY PLAN SELECT a.doc FROM search_facets a
           JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient' AND b.value IN (SELECT value FROM json_each(@b))
           WHERE a.facet = 'author' AND a.value IN (SELECT value FROM json_each(@a))`).all({a: '["x"]', b: '["y"]'});
console.log(sql);
