// Recognition accuracy against answer keys: node scripts/evaluate.mjs <folder> [labels.json]
// labels.json: { "file.md": { "present": [ids], "absent": [ids] } }; without it, each draft's
// <name>.expected.yaml (clauses: { id: present|absent|waived }) is used. Run npm run build first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
const dir = process.argv[2];
const labelsFile = process.argv[3];
let out;
try {
  out = execFileSync(
    'node',
    [new URL('../server/out/cli.js', import.meta.url).pathname, 'check', dir, '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 1e8 },
  );
} catch (e) {
  out = e.stdout;
}
const report = JSON.parse(out);
const labels = {};
if (labelsFile) {
  const l = JSON.parse(fs.readFileSync(labelsFile, 'utf8'));
  for (const [f, v] of Object.entries(l)) {
    labels[f] = {};
    for (const c of v.present) labels[f][c] = 'present';
    for (const c of v.absent) labels[f][c] = 'absent';
  }
} else
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.expected.yaml'))) {
    const y = YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    labels[f.replace('.expected.yaml', '.md')] = y.clauses;
  }
let tp = 0,
  fn = 0,
  tn = 0,
  fp = 0;
const errs = [];
let reqAbsent = 0,
  reqAbsentFlagged = 0;
for (const file of report.files) {
  const name = path.basename(file.path);
  const lab = labels[name];
  if (!lab) continue;
  for (const c of file.clauses) {
    const truth = lab[c.id];
    if (!truth) continue;
    const det = c.status === 'missing' ? 'absent' : 'present';
    const t = truth === 'waived' ? (c.status === 'waived' ? 'ok' : 'x') : null;
    if (truth === 'present') {
      if (det === 'present') tp++;
      else {
        fn++;
        errs.push(`${name} ${c.id}: truth present, detected missing`);
      }
    } else if (truth === 'absent') {
      if (det === 'absent') tn++;
      else {
        fp++;
        errs.push(`${name} ${c.id}: truth absent, detected present (${c.foundBy} line ${c.range?.start.line + 1})`);
      }
      if (c.requirement === 'required') {
        reqAbsent++;
        if (det === 'absent') reqAbsentFlagged++;
      }
    } else if (t === 'x') errs.push(`${name} ${c.id}: truth waived, got ${c.status}`);
  }
}
console.log(errs.join('\n'));
console.log(
  `present recognised: ${tp}/${tp + fn} = ${((100 * tp) / (tp + fn)).toFixed(1)}%   absent recognised: ${tn}/${tn + fp} = ${((100 * tn) / (tn + fp)).toFixed(1)}%   required-absent flagged: ${reqAbsentFlagged}/${reqAbsent} = ${((100 * reqAbsentFlagged) / reqAbsent).toFixed(1)}%`,
);
