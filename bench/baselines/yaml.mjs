// Baseline: the positional `yaml` parser alone (what the precise path pays before any rule runs).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const docs = parseAllDocuments(readFileSync(process.argv[2], 'utf8'), { version: '1.1', uniqueKeys: false });
process.stdout.write(`${Array.isArray(docs) ? docs.length : 0}\n`);
