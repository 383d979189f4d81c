// `capdoctor diagnose` against the shared research material (present in the development and CI
// workspaces, not in a user's clone): top-1 accuracy over the real log excerpts, and the incident
// the project exists for, block by block and all together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type DiagnoseResult, type Diagnosis, diagnoseTexts, SIGNATURES } from '../src/diagnose/index.js';
import { CAPABILITY_BY_NAME } from '../src/knowledge/capabilities.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const logs = fileURLToPath(new URL('../../shared/corpus/logs/', import.meta.url));
const incidentFile = fileURLToPath(new URL('../../shared/seed/incident.md', import.meta.url));
const logsPresent = existsSync(join(logs, 'PROVENANCE.tsv'));
const incidentPresent = existsSync(incidentFile);

interface Entry {
  id: string;
  file: string;
  confidence: string;
  /** Signature ids of the root cause (the ground truth's symptom signatures left out). */
  causes: string[];
  capabilityOrSetting: string;
}

/** PROVENANCE.tsv: id, file, source_url, where_seen, signature_class, root_cause, fix, confidence, notes, signature ids, capability or setting. */
function entries(): Entry[] {
  const symptoms = new Set(SIGNATURES.filter((s) => s.kind === 'symptom').map((s) => s.id));
  const [, ...rows] = readFileSync(join(logs, 'PROVENANCE.tsv'), 'utf8').trimEnd().split('\n');
  return rows.map((row) => {
    const cells = row.split('\t');
    return {
      id: cells[0] ?? '',
      file: cells[1] ?? '',
      confidence: cells[7] ?? '',
      causes: (cells[9] ?? '').split(/\s+/).filter((id) => id !== '' && !symptoms.has(id)),
      capabilityOrSetting: cells[10] ?? '',
    };
  });
}

/**
 * Whether the top diagnosis names what the ground truth names: one of its capabilities; or, when it
 * names a setting instead, the same rlimit, a sysctl, a missing drop ALL, a misplaced field, or no
 * capability at all.
 */
function capabilityMatches(expected: string, top: Diagnosis): boolean {
  const capabilities = (expected.match(/[A-Z][A-Z_]+[A-Z]/g) ?? []).filter((n) => CAPABILITY_BY_NAME.has(n));
  if (capabilities.length > 0) return top.capability !== null && capabilities.includes(top.capability);
  const rlimit = /rlimit (\w+)/.exec(expected);
  if (rlimit) return top.setting?.kind === 'rlimit' && top.setting.name === `RLIMIT_${rlimit[1]}`;
  if (expected.includes('sysctl')) return top.setting?.kind === 'sysctl' && top.capability === null;
  if (expected.includes('drop ALL')) return top.setting?.kind === 'drop-all';
  if (expected.includes('placement')) return top.setting?.kind === 'placement';
  if (expected.includes('none')) return top.capability === null;
  throw new Error(`unreadable ground truth: ${expected}`);
}

describe.skipIf(!logsPresent)('diagnose: the log corpus (../shared/corpus/logs)', () => {
  const all = logsPresent ? entries() : [];
  const graded = all.map((entry) => {
    const result = diagnoseTexts([{ file: entry.file, text: readFileSync(join(logs, entry.file), 'utf8') }]);
    const top = result.diagnoses[0];
    const cause = top !== undefined && entry.causes.includes(top.signature);
    const capability = top !== undefined && capabilityMatches(entry.capabilityOrSetting, top);
    return { entry, top, cause, capability, correct: cause && capability };
  });

  it('holds the files PROVENANCE.tsv lists, each with a ground truth', () => {
    expect(all).toHaveLength(54);
    for (const e of all) {
      expect(existsSync(join(logs, e.file)), e.file).toBe(true);
      expect(e.causes.length, e.id).toBeGreaterThan(0);
    }
  });

  it('names the root cause and its capability first: ≥95% on high-confidence entries, ≥90% overall', () => {
    const share = (items: typeof graded, key: 'cause' | 'capability' | 'correct') =>
      items.filter((g) => g[key]).length / Math.max(1, items.length);
    const high = graded.filter((g) => g.entry.confidence === 'high');
    const figures = {
      entries: graded.length,
      high: high.length,
      rootCause: share(graded, 'cause'),
      capability: share(graded, 'capability'),
      both: share(graded, 'correct'),
      bothHigh: share(high, 'correct'),
    };
    const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
    console.log(
      `diagnose top-1 accuracy over ${figures.entries} corpus logs: root cause ${percent(figures.rootCause)}, ` +
        `capability ${percent(figures.capability)}, both ${percent(figures.both)}; ` +
        `high-confidence entries (${figures.high}): both ${percent(figures.bothHigh)}`,
    );
    expect(figures.bothHigh).toBeGreaterThanOrEqual(0.95);
    expect(figures.both).toBeGreaterThanOrEqual(0.9);
    // The misses, listed, so that a regression names the entry it broke.
    expect(
      graded.filter((g) => !g.correct).map((g) => `${g.entry.id}: ${g.top?.signature} ${g.top?.capability}`),
    ).toEqual([]);
  });

  it('recommends no capability for the seccomp red herrings', () => {
    for (const g of graded.filter((g) => g.entry.causes.includes('red-herring-seccomp-time64'))) {
      expect(g.top?.capability, g.entry.id).toBeNull();
      expect(g.top?.fix, g.entry.id).toMatch(/do not add capabilities/);
    }
  });
});

/** The fenced blocks of the incident write-up, without their common indentation. */
function incidentBlocks(): string[] {
  const text = readFileSync(incidentFile, 'utf8');
  return [...text.matchAll(/^([ \t]*)```[a-z]*\n([\s\S]*?)^[ \t]*```/gm)].map((m) => {
    const lines = (m[2] ?? '').split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
    return lines.map((l) => l.slice(indent)).join('\n');
  });
}

// Made only when the suite runs: a skipped suite runs no hooks, and would leave the folder behind.
const scratch = incidentPresent ? mkdtempSync(join(tmpdir(), 'capdoctor-incident-')) : '';
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!incidentPresent)('diagnose: the incident (../shared/seed/incident.md)', () => {
  const blocks = incidentPresent ? incidentBlocks() : [];
  const find = (needle: string) => blocks.filter((b) => b.includes(needle));
  const expectIncident = (result: DiagnoseResult) => {
    const top = result.diagnoses[0];
    expect([top?.rule, top?.capability, top?.signature, top?.confidence]).toEqual([
      'cap-prefix',
      'SYS_RESOURCE',
      'docker-legacy-unknown-cap-add',
      'high',
    ]);
    expect(top?.runtime).toBe('Docker 1.11–18.09 (requests use API v1.38, which is Docker 18.06)');
    expect(result.diagnoses).toHaveLength(1);
  };

  it('has the blocks the story tells', () => {
    expect(blocks).toHaveLength(8);
    expect(find('Unknown capability to add')).toHaveLength(1);
    expect(find('9.log')).toHaveLength(1);
  });

  it('blocks as separate inputs: one story, from the journal to the missing log file', () => {
    const result = diagnoseTexts(blocks.map((text, i) => ({ file: `block-${i + 1}`, text })));
    expectIncident(result);
    const top = result.diagnoses[0];
    expect(top?.signatures).toEqual([
      'manifest-capability-name',
      'docker-legacy-unknown-cap-add',
      'pam-limits-cannot-open-session',
    ]);
    const roles = new Set(top?.evidence.map((e) => `${e.role}:${e.signature}`));
    for (const role of [
      'cause:docker-legacy-unknown-cap-add',
      'need:pam-limits-cannot-open-session',
      'symptom:kubectl-describe-runcontainererror',
      'symptom:kubectl-describe-crashloopbackoff',
      'symptom:kubectl-logs-failed-to-open-log-file',
    ]) {
      expect(roles.has(role), role).toBe(true);
    }
    expect(result.symptoms).toEqual([]);
  });

  it('blocks together in one stream: the same story', () => {
    expectIncident(diagnoseTexts([{ file: '-', text: blocks.join('\n') }]));
  });

  it('the node journal alone: cap-prefix, SYS_RESOURCE, Docker ≤18.09', () => {
    expectIncident(diagnoseTexts(find('Unknown capability to add').map((text) => ({ file: 'messages', text }))));
  });

  it('the runuser lines alone: pam_limits needs SYS_RESOURCE', () => {
    const result = diagnoseTexts(find('cannot open session').map((text, i) => ({ file: `shell-${i}`, text })));
    expect(result.diagnoses.map((d) => [d.rule, d.signature, d.capability])).toEqual([
      ['pam-limits-needs-sys-resource', 'pam-limits-cannot-open-session', 'SYS_RESOURCE'],
    ]);
  });

  it('the 9.log line alone: only symptoms, and where to look next (exit 1)', () => {
    const [block] = find('9.log');
    const file = join(scratch, 'kubectl-logs.txt');
    writeFileSync(file, block ?? '');
    const result = spawnSync(process.execPath, [join(root, 'bin/capdoctor.cjs'), 'diagnose', file, '-o', 'json'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.diagnoses).toEqual([]);
    expect(report.next[0]).toBe(
      `Only symptoms: kubectl logs found no log file (${file}:2). They show that the container failed, not why.`,
    );
    expect(report.next[1]).toContain('`kubectl describe pod esc-210915-143151-data-0`');
    expect(report.next[3]).toContain('journalctl -u kubelet');
  });

  it('with --manifest: the line of CAP_SYS_RESOURCE and its replacement', () => {
    const file = join(scratch, 'messages');
    writeFileSync(file, find('Unknown capability to add')[0] ?? '');
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'bin/capdoctor.cjs'),
        'diagnose',
        file,
        '--manifest',
        'examples/elasticsearch-incident.yaml',
        '-o',
        'json',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).diagnoses[0].manifest).toEqual([
      { file: 'examples/elasticsearch-incident.yaml', line: 51, column: 17, replacement: 'SYS_RESOURCE' },
    ]);
  });
});
