// Baseline: reading a JSON file and JSON.parse (the floor for reading a kubectl -o json dump).
import { readFileSync } from 'node:fs';

process.stdout.write(`${JSON.parse(readFileSync(process.argv[2], 'utf8')).items?.length ?? 0}\n`);
