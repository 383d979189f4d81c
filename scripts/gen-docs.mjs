// Generates docs/rules/<id>.md and the rules table in README.md from the rule metadata,
// docs/runtime-facts.md from the runtime facts, and the README's example from what the built CLI
// prints for it.
// `--check` writes nothing and fails when a generated file is out of date (run in CI).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const library = await import(new URL('../dist/index.js', import.meta.url).href);
const { ALL_RULE_META } = library;
const { runtimeFactsPage } = await import(new URL('./runtime-facts.mjs', import.meta.url).href);
const check = process.argv.includes('--check');
const root = new URL('../', import.meta.url);
const stale = [];

function emit(relative, content) {
  const url = new URL(relative, root);
  const current = existsSync(url) ? readFileSync(url, 'utf8') : undefined;
  if (current === content) return;
  stale.push(relative);
  if (!check) writeFileSync(url, content);
}

const FIXABLE = { safe: 'yes (`capdoctor fix`)', suggestion: 'suggestion only', false: 'no' };

function rulePage(meta) {
  const lines = [
    `# ${meta.id}`,
    '',
    '<!-- Generated from the rule metadata by scripts/gen-docs.mjs; edit the rule, not this file. -->',
    '',
    `> ${meta.description}`,
    '',
    meta.optIn
      ? `- Default: **off** (opt-in: enable it in \`.capdoctor.yaml\` or with \`--rule ${meta.id}=${meta.severity}\`); severity ${meta.severity} when enabled`
      : `- Default severity: **${meta.severity}**`,
    `- Fixable: ${FIXABLE[String(meta.fixable)]}`,
  ];
  if (meta.tags?.length) lines.push(`- Tags: ${meta.tags.join(', ')}`);
  lines.push('', '## Why', '', meta.docs.trim(), '');
  if (meta.example) {
    lines.push('## Example', '', 'Reported:', '', '```yaml', meta.example.invalid.trimEnd(), '```', '');
    lines.push('Written instead:', '', '```yaml', meta.example.valid.trimEnd(), '```', '');
  }
  lines.push(
    '## Configuration',
    '',
    '```yaml',
    '# .capdoctor.yaml',
    'rules:',
    `  ${meta.id}: off   # or info, warning, error`,
    '```',
    '',
    `Suppress one finding with a comment on the line above it (\`# capdoctor-ignore ${meta.id}\`) or for`,
    `a whole object with the annotation \`capdoctor.io/ignore: "${meta.id}"\`.`,
    '',
  );
  if (meta.citations.length) {
    lines.push('## Sources', '', ...meta.citations.map((c) => `- ${c}`), '');
  }
  return lines.join('\n');
}

function rulesTable() {
  const rows = ALL_RULE_META.map(
    (m) =>
      `| [\`${m.id}\`](docs/rules/${m.id}.md) | ${m.optIn ? `off (opt-in, ${m.severity})` : m.severity} | ${m.fixable === 'safe' ? 'fix' : m.fixable === 'suggestion' ? 'suggestion' : ''} | ${m.description} |`,
  );
  return ['| Rule | Default | Fix | What it finds |', '|---|---|---|---|', ...rows].join('\n');
}

mkdirSync(new URL('docs/rules/', root), { recursive: true });
for (const meta of ALL_RULE_META) emit(`docs/rules/${meta.id}.md`, rulePage(meta));
const known = new Set(ALL_RULE_META.map((m) => `${m.id}.md`));
for (const file of readdirSync(new URL('docs/rules/', root))) {
  if (!known.has(file)) stale.push(`docs/rules/${file} (no such rule)`);
}

emit('docs/runtime-facts.md', runtimeFactsPage(library));

/** The commands of the README's example, each with what the built CLI prints for it. */
const EXAMPLE_RUNS = [
  ['lint', 'examples/elasticsearch-incident.yaml', '--target', 'docker@18.06', '-q'],
  ['lint', 'examples/containerd-drop.yaml', '-q'],
];

function exampleBlock() {
  const cwd = fileURLToPath(root);
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const runs = EXAMPLE_RUNS.map((args) => {
    let output;
    try {
      output = execFileSync(process.execPath, ['bin/capdoctor.cjs', ...args], { cwd, env, encoding: 'utf8' });
    } catch (error) {
      // Exit code 1 means findings, which is what the example is for.
      if (error.status !== 1) throw error;
      output = error.stdout;
    }
    return `$ npx capdoctor ${args.join(' ')}\n${output.trimEnd()}`;
  });
  return ['```console', runs.join('\n\n'), '```'].join('\n');
}

const readmeUrl = new URL('README.md', root);
if (existsSync(readmeUrl)) {
  const readme = readFileSync(readmeUrl, 'utf8');
  const updated = readme
    .replace(
      /<!-- rules:start -->[\s\S]*?<!-- rules:end -->/,
      () => `<!-- rules:start -->\n${rulesTable()}\n<!-- rules:end -->`,
    )
    .replace(
      /<!-- example:start -->[\s\S]*?<!-- example:end -->/,
      () => `<!-- example:start -->\n${exampleBlock()}\n<!-- example:end -->`,
    );
  emit('README.md', updated);
}

if (check && stale.length) {
  console.error(`Generated docs are out of date (run \`npm run docs\`):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (!check) console.log(stale.length ? `updated: ${stale.join(', ')}` : 'docs are up to date');
