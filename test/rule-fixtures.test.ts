// Every rule ships valid and invalid fixtures; invalid ones declare each expected finding inline.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { readFixture, runRule } from './support/rule-tester.js';

const fixture = (id: string, name: string) => new URL(`../src/rules/${id}/fixtures/${name}`, import.meta.url);

describe.each(RULES.map((r) => r.meta.id))('%s fixtures', (id) => {
  it('has valid.yaml and invalid.yaml', () => {
    expect(existsSync(fixture(id, 'valid.yaml'))).toBe(true);
    expect(existsSync(fixture(id, 'invalid.yaml'))).toBe(true);
  });

  it('reports nothing on valid.yaml', () => {
    const text = readFileSync(fixture(id, 'valid.yaml'), 'utf8');
    const { targets, pss } = readFixture(text);
    expect(runRule(id, text, targets, pss ? { pss } : {})).toEqual([]);
  });

  it('reports exactly the expected findings on invalid.yaml', () => {
    const text = readFileSync(fixture(id, 'invalid.yaml'), 'utf8');
    const { targets, expectations, pss } = readFixture(text);
    expect(expectations.length).toBeGreaterThan(0);
    const findings = runRule(id, text, targets, pss ? { pss } : {});
    const actual = findings.map((f) => `${f.line}:${f.column} ${f.severity}`);
    expect(actual).toEqual(expectations.map((e) => `${e.line}:${e.column} ${e.severity}`));
    // A fragment may come from the one-line message or from the explanation behind it.
    findings.forEach((finding, i) => {
      expect(`${finding.message}\n${finding.explanation ?? ''}`).toContain(expectations[i]?.message);
    });
  });
});
