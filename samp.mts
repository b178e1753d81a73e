import { readFileSync } from 'node:fs';
import { extractReferences } from './src/index.ts';
const t = readFileSync('/tmp/admin8m.txt','utf8');
const refs = extractReferences(t);
console.error('refs', refs.length);
const seed = Number(process.argv[2] ?? 1);
let x = seed;
const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
for (let i=0;i<Number(process.argv[3] ?? 40);i++){ const r = refs[Math.floor(rnd()*refs.length)];
 console.log(JSON.stringify(t.slice(Math.max(0,r.start-50), r.end+70).replace(/\s+/g,' ')));
 console.log('   =>', r.id, '|', r.docType, '|', r.date, '|', r.issuer, '|', r.relation, '|', r.confidence);
}
