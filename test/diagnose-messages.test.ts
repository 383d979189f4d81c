// Every diagnosis has a one-line message a person reads at a glance: at most 160 characters, a whole
// sentence or a what — consequence; remedy line, never a summary cut off mid-word. Checked over the
// research corpus (present in the development and CI workspaces only) and the evaluation set.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/api.js';
import { MESSAGE_MAX } from '../src/core/message.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/logs/', import.meta.url));
const evaluation = fileURLToPath(new URL('./fixtures/diagnose-eval/', import.meta.url));

function excerpts(folder: string): { file: string; text: string }[] {
  return readdirSync(folder)
    .filter((name) => /\.(txt|log)$/.test(name))
    .sort()
    .map((name) => ({ file: name, text: readFileSync(join(folder, name), 'utf8') }));
}

/** The messages of every diagnosis, each excerpt read alone. */
function messages(folder: string): { file: string; message: string; summary: string }[] {
  return excerpts(folder).flatMap((input) =>
    diagnose([input]).diagnoses.map((d) => ({ file: input.file, message: d.message, summary: d.summary })),
  );
}

function check(found: { file: string; message: string }[]): void {
  const bad = found.filter(
    ({ message }) =>
      message.length > MESSAGE_MAX ||
      message.includes('\n') ||
      /…|\.\.\.$/.test(message) ||
      // A message ends a sentence or a remedy; a cut one ends in a dangling word or a comma.
      /(\b(the|a|an|and|or|to|of|on|in|for|with|but|which|its|is)|[,;:—-])$/.test(message),
  );
  expect(bad.map((b) => `${b.file}: ${b.message}`)).toEqual([]);
}

describe('diagnose messages', () => {
  it.skipIf(!existsSync(join(corpus, 'PROVENANCE.tsv')))(
    'over the research corpus: one line, ≤160 characters, never cut',
    () => {
      const found = messages(corpus);
      expect(found.length).toBeGreaterThan(50);
      check(found);
    },
  );

  it('over the evaluation set: one line, ≤160 characters, never cut', () => {
    const found = messages(evaluation);
    expect(found.length).toBeGreaterThan(30);
    check(found);
  });

  it('a long summary becomes a composed line, not a cut one', () => {
    const [top] = diagnose(
      'dockerd[912]: level=error msg="Handler for POST /v1.38/containers/3f2a/start returned error: linux spec capabilities: Unknown capability to add: \\"CAP_CAP_SYS_RESOURCE\\""',
    ).diagnoses;
    expect(top?.summary.length).toBeGreaterThan(MESSAGE_MAX);
    expect(top?.message).toBe(
      '"CAP_SYS_RESOURCE": CAP_ prefix — container fails to start on Docker 1.11–18.09; write SYS_RESOURCE',
    );
  });

  it('a pasted manifest name without a reported runtime keeps the general wording', () => {
    const [top] = diagnose('        add: ["CAP_NET_RAW"]').diagnoses;
    expect(top?.summary).toContain('Docker 1.11–18.09 and containerd add another');
    expect(top?.message).toBe(
      '"CAP_NET_RAW": CAP_ prefix — fails on Docker 1.11–18.09, not granted or not dropped on containerd; write NET_RAW',
    );
  });

  it('a pasted manifest name with the node’s runtime reported is worded for that runtime', () => {
    const texts = (runtime: string) => [
      { file: 'node.yaml', text: `    containerRuntimeVersion: ${runtime}` },
      { file: 'deploy.yaml', text: '        add: ["CAP_NET_RAW"]' },
    ];
    const docker = diagnose(texts('docker://18.6.1')).diagnoses[0];
    expect(docker?.summary).toBe(
      '"CAP_NET_RAW" carries the CAP_ prefix: Docker 18.6.1 looks for CAP_CAP_NET_RAW, which does not exist, and the container fails at start (RunContainerError). Write NET_RAW.',
    );
    expect(docker?.message).toBe(
      '"CAP_NET_RAW": CAP_ prefix — container fails on Docker 18.6.1 (RunContainerError); write NET_RAW',
    );
    const containerd = diagnose(texts('containerd://1.7.13')).diagnoses[0];
    expect(containerd?.message).toBe(
      '"CAP_NET_RAW": CAP_ prefix — silently not granted on containerd 1.7.13; write NET_RAW',
    );
    expect(containerd?.fix).toContain('Then containerd 1.7.13 grants NET_RAW');
    const crio = diagnose(texts('cri-o://1.28.1')).diagnoses[0];
    expect(crio?.summary).toContain('CRI-O 1.28.1 accepts it');
  });
});
