// The library in a browser: bundled by esbuild for platform `browser` (a Node built-in anywhere on the
// library's path fails that build), then run where no Node.js global exists (a bare V8 context with
// only what browsers also have), on the incident.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { browserOptions } from '../scripts/browser-options.mjs';

const incident = readFileSync(new URL('../examples/elasticsearch-incident.yaml', import.meta.url), 'utf8');

describe('the library as a browser bundle', () => {
  it('builds for platform browser without any Node.js module, and lints, fixes and explains there', async () => {
    const result = await build({ ...browserOptions, format: 'iife', globalName: 'capdoctor', write: false });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles?.[0]?.text ?? '';
    expect(code).not.toMatch(/\brequire\(\s*["']|from\s*["']node:|import\(\s*["']node:/);

    // Only what a browser page has: no process, require, Buffer or module.
    const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, atob, structuredClone, console };
    runInNewContext(`${code}\nglobalThis.capdoctor = capdoctor;`, sandbox);
    expect(runInNewContext('typeof process + typeof require + typeof Buffer', sandbox)).toBe(
      'undefinedundefinedundefined',
    );
    const api = sandbox.capdoctor as typeof import('../src/index.js');
    const linted = api.lint(incident, { targets: ['docker@18.06'] });
    expect(linted.findings.map((f) => f.rule)).toEqual(['cap-prefix']);
    expect(linted.findings[0]?.message).toBe(
      '"CAP_SYS_RESOURCE": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write SYS_RESOURCE',
    );
    // The YAML reader (fix re-parses with positions) and the JSON reader work in the bundle too.
    expect(api.fix(incident, { targets: ['docker@18.06'] }).output).toContain('- SYS_RESOURCE');
    expect(api.lint('{"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}', { format: 'json' }).parseErrors).toBe(
      0,
    );
    expect(api.explain(incident).containers.length).toBe(2);
  });
});
