// Baseline: reading the file and splitting it into lines (the floor for any reader).
import { readFileSync } from 'node:fs';

process.stdout.write(`${readFileSync(process.argv[2], 'utf8').split('\n').length}\n`);
