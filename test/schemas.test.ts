// The JSON reports match their published schemas (docs/schema), and SARIF output matches the SARIF
// 2.1.0 schema. Runs the built binary (`npm test` builds first), as a user would.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../src/cli/output/sarif.js';
import { ALL_RULE_META } from '../src/rules/index.js';
import { reportValidator, sarifValidator, schemaErrors, schemaNames } from './support/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const incident = readFileSync(join(root, 'examples/elasticsearch-incident.yaml'), 'utf8');

/**
 * One row per command line whose `-o json` report is checked against docs/schema/<schema>.schema.json.
 * A new report schema needs its file and one row here. `nonEmpty` names the array that must have items,
 * so that a row cannot pass on an empty report.
 */
const CASES: { schema: string; args: string[]; input?: string; nonEmpty: string }[] = [
  { schema: 'lint', args: ['lint', 'examples/'], nonEmpty: 'findings' },
  { schema: 'lint', args: ['lint', 'test/fixtures/cli/tree', '--rule', 'pss-restricted=error'], nonEmpty: 'findings' },
  { schema: 'lint', args: ['lint', '-', '--stdin-filename', 'k8s/es.yaml'], input: incident, nonEmpty: 'findings' },
  { schema: 'lint', args: ['lint', 'does-not-exist.yaml'], nonEmpty: 'findings' },
  {
    schema: 'diagnose',
    args: ['diagnose', 'examples/diagnose', '--manifest', 'examples/elasticsearch-incident.yaml'],
    nonEmpty: 'diagnoses',
  },
  { schema: 'diagnose', args: ['diagnose', '-'], input: 'nothing to see here\n', nonEmpty: 'next' },
  // A folder written by `diagnose pod/NAME --save`: the live report's shape, patch included.
  { schema: 'diagnose', args: ['diagnose', 'test/fixtures/diagnose-live/esc-data'], nonEmpty: 'diagnoses' },
  { schema: 'scan', args: ['scan', '--from', 'test/fixtures/scan/cluster.json'], nonEmpty: 'findings' },
  { schema: 'explain', args: ['explain', 'examples/'], nonEmpty: 'containers' },
  { schema: 'explain', args: ['explain', 'examples/typo.yaml', '--target', 'docker@18.06'], nonEmpty: 'containers' },
];

describe('JSON reports match docs/schema', () => {
  it.each(CASES)('$schema: $args', ({ schema, args, input, nonEmpty }) => {
    const { stdout, stderr } = run([...args, '-o', 'json'], input);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    expect(report[nonEmpty].length).toBeGreaterThan(0);
    expect(schemaErrors(reportValidator(schema), report)).toEqual([]);
  });

  it('has a row for every report schema', () => {
    const covered = new Set(CASES.map((c) => c.schema));
    expect(schemaNames().filter((name) => name !== 'common' && !covered.has(name))).toEqual([]);
  });

  it('refuses reports that break the contract', () => {
    const report = JSON.parse(run(['lint', 'examples/typo.yaml', '-o', 'json']).stdout);
    const validate = reportValidator('lint');
    expect(schemaErrors(validate, report)).toEqual([]);
    const broken = (change: (r: typeof report) => void) => {
      const copy = structuredClone(report);
      change(copy);
      return schemaErrors(validate, copy);
    };
    expect(broken((r) => delete r.findings[0].message)).not.toEqual([]);
    expect(broken((r) => (r.findings[0].severity = 'fatal'))).not.toEqual([]);
    expect(broken((r) => (r.findings[0].line = 1.5))).not.toEqual([]);
    expect(broken((r) => (r.findings[0].unexpected = true))).not.toEqual([]);
    expect(broken((r) => (r.version = 99))).not.toEqual([]);
    expect(
      broken((r) => (r.findings[0].fix = { description: 'x', edits: [{ kind: 'rename', path: [] }] })),
    ).not.toEqual([]);
    // An explanation (the long story) is allowed beside the one-line message.
    expect(broken((r) => (r.findings[0].explanation = 'The long story.'))).toEqual([]);
  });
});

describe('SARIF matches the SARIF 2.1.0 schema', () => {
  it('for the examples, run through the binary', () => {
    const { stdout } = run(['lint', 'examples/', '-o', 'sarif']);
    const log = JSON.parse(stdout);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(schemaErrors(sarifValidator(), log)).toEqual([]);
  });

  it('for a file with no findings, and for names that need escaping', () => {
    const clean = JSON.parse(run(['lint', '-', '--stdin-filename', 'a b/ü.yaml', '-o', 'sarif'], 'kind: Pod\n').stdout);
    expect(schemaErrors(sarifValidator(), clean)).toEqual([]);
    const report = {
      files: [{ file: 'odd dir/a:b.yaml', findings: [] }],
      targets: [],
      summary: { files: 1, documents: 1, errors: 0, warnings: 0, infos: 0 },
    };
    const log = JSON.parse(formatSarif(report, { color: false, rules: ALL_RULE_META, version: '0.1.0' }));
    expect(schemaErrors(sarifValidator(), log)).toEqual([]);
  });

  it('refuses a log that breaks the schema (the check can fail)', () => {
    const log = JSON.parse(run(['lint', 'examples/typo.yaml', '-o', 'sarif']).stdout);
    log.runs[0].results[0].level = 'fatal';
    expect(schemaErrors(sarifValidator(), log)).not.toEqual([]);
  });
});
