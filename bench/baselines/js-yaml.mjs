// Baseline: js-yaml's bare loadAll of the file (values only, no positions, YAML 1.2 core schema).
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';

let count = 0;
loadAll(readFileSync(process.argv[2], 'utf8'), () => {
  count++;
});
process.stdout.write(`${count}\n`);
