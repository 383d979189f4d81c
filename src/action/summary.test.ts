import { describe, expect, it } from 'vitest';
import type { LintReport } from '../cli/output/types.js';
import type { Finding } from '../core/types.js';
import { cell, summaryMarkdown } from './summary.js';

function finding(line: number, message: string): Finding {
  return {
    rule: 'cap-prefix',
    severity: 'error',
    message,
    file: 'k8s/a.yaml',
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
    path: 'spec',
  };
}

function report(findings: Finding[], clean = 0): LintReport {
  const files = [{ file: 'k8s/a.yaml', findings }];
  for (let i = 0; i < clean; i++) files.push({ file: `ok${i}.yaml`, findings: [] });
  return {
    files,
    targets: [],
    summary: { files: files.length, documents: files.length, errors: findings.length, warnings: 0, infos: 0 },
  };
}

describe('job summary', () => {
  it('keeps a cell on one line, without HTML or column breaks', () => {
    expect(cell('a | b\n  c <script> & d')).toBe('a \\| b c &lt;script&gt; &amp; d');
  });

  it('has a table per file with a row per finding, and counts clean files', () => {
    const md = summaryMarkdown(report([finding(3, 'one'), finding(9, 'two | three')], 2), 'c.sarif');
    expect(md).toContain('❌ 2 errors, 0 warnings, 0 info in 3 files (3 documents).');
    expect(md).toContain('### k8s/a.yaml\n\n| Line | Severity | Rule | Finding |\n| ---: | --- | --- | --- |\n');
    expect(md).toContain(
      '| 9:3 | ❌ error | [cap-prefix](https://github.com/capdoctor/capdoctor/blob/main/docs/rules/cap-prefix.md) | two \\| three |',
    );
    expect(md).toContain('2 other files without findings.');
  });

  it('stays under GitHub’s 1 MiB limit and says how many findings it left out', () => {
    const many = Array.from({ length: 2000 }, (_, i) => finding(i + 1, 'x'.repeat(600)));
    const files = Array.from({ length: 4 }, (_, f) => ({ file: `f${f}.yaml`, findings: many }));
    const big: LintReport = {
      files,
      targets: [],
      summary: { files: 4, documents: 4, errors: 8000, warnings: 0, infos: 0 },
    };
    const md = summaryMarkdown(big, 'out/c.sarif');
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    const omitted = /… and (\d+) more findings: every finding is in `out\/c\.sarif`\./.exec(md);
    expect(Number(omitted?.[1])).toBeGreaterThan(0);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Line') && !l.startsWith('| ---'));
    expect(rows.length + Number(omitted?.[1])).toBe(8000);
  });
});
