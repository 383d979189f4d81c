// Writes docs/runtime-facts.md from the runtime facts in src/knowledge/runtimes.ts (through the built
// library), so that the page says exactly what the predictions use, with every citation.

const range = (since, until) => {
  if (since && until) return `${since} ≤ v < ${until}`;
  if (since) return `≥ ${since}`;
  return until ? `< ${until}` : 'all';
};

const releases = (list) => {
  if (list === true) return 'every release of the range';
  if (!list || list.length === 0) return 'none';
  if (list.length === 1 && !list[0].since && !list[0].until) return 'every release of the range';
  return list.map((r) => range(r.since, r.until)).join(', ');
};

const code = (text) => `\`${text.replaceAll('`', "'")}\``;

function handling(h) {
  if (h.action === 'reject') return `refused at ${h.phase} (${h.status}): ${code(h.message)}`;
  if (h.action === 'ignore') {
    const logged = h.message ? `, logging ${code(h.message)}` : '';
    return `no effect (${h.note.replaceAll('`', "'")})${logged}`;
  }
  return 'written into the OCI config unchecked: the OCI runtime decides';
}

const NAMING = {
  bare: 'compared without a prefix, any case',
  'prefix-always': '`CAP_` + the name, upper-cased (`CAP_X` becomes `CAP_CAP_X`)',
  normalize: 'upper-cased, `CAP_` added when missing',
  'prefix-required': 'must carry `CAP_`',
};

export function runtimeFactsPage({ ENGINE_RANGES, OCI_RANGES, CONTAINERD_BUNDLED_RUNC, CAPABILITIES }) {
  const capability = (n) => CAPABILITIES.find((c) => c.number === n)?.name ?? String(n);
  const lines = [
    '# Runtime facts',
    '',
    '<!-- Generated from src/knowledge/runtimes.ts by scripts/gen-docs.mjs; edit the data, not this file. -->',
    '',
    'What each container engine and OCI runtime does with the names in `capabilities.add` and `drop`, as',
    'capdoctor’s predictions use it. Every fact was read in the runtime’s source at the release named in',
    'its citation (`repository@tag:path`, a commit or an issue); `Not verified` marks what was not.',
    '`capdoctor targets` prints the same ranges.',
    '',
    '## Container engines',
    '',
  ];
  for (const r of ENGINE_RANGES) {
    lines.push(`### ${r.label} (\`${r.engine}\`, ${range(r.since, r.until)})`, '');
    lines.push(`- Names: ${NAMING[r.naming]}.`);
    if (r.prefixRequiredMessage) lines.push(`- Without the prefix: ${code(r.prefixRequiredMessage)}.`);
    lines.push(`- Unknown name in \`add\`: ${handling(r.unknownAdd)}.`);
    if (r.unknownAddIn) {
      lines.push(
        `- Instead, ${releases(r.unknownAddIn.releases)}, an unknown name in \`add\` (or one the node’s kernel lacks): ${handling(r.unknownAddIn.handling)}.`,
      );
    }
    lines.push(`- Unknown name in \`drop\`: ${handling(r.unknownDrop)}.`);
    if (r.knownMax !== undefined) lines.push(`- Knows names up to ${capability(r.knownMax)}.`);
    if (r.unavailable) {
      lines.push(
        `- A name the node’s kernel lacks: in \`add\` ${handling(r.unavailable.add)}; in \`drop\` ${handling(r.unavailable.drop)}.`,
      );
    }
    lines.push(`- Defaults (${r.defaults.length}): ${r.defaults.join(', ')}.`);
    if (r.dropAllKeepsDefaults) {
      lines.push(
        `- \`drop: [ALL]\` keeps the defaults: ${releases(r.dropAllKeepsDefaults)}${r.dropAllFix ? `; ${r.dropAllFix.detail}` : ''}.`,
      );
    }
    lines.push(`- Added and dropped at once: ${r.conflict.result} — ${r.conflict.detail}.`);
    lines.push(`- Privileged: ${r.privileged.detail}.`);
    const nonRoot = r.nonRoot ?? {};
    if (nonRoot.ambient)
      lines.push(
        `- Non-root processes hold the added set (ambient), ${releases(nonRoot.ambient.releases)}: ${nonRoot.ambient.detail}.`,
      );
    if (nonRoot.boundingOnly)
      lines.push(
        `- Non-root processes get only the bounding set, ${releases(nonRoot.boundingOnly.releases)}: ${nonRoot.boundingOnly.detail}.`,
      );
    if (nonRoot.inheritable)
      lines.push(`- Inheritable set filled, ${releases(nonRoot.inheritable.releases)}: ${nonRoot.inheritable.detail}.`);
    for (const note of r.notes ?? []) lines.push(`- ${note.charAt(0).toUpperCase()}${note.slice(1)}.`);
    for (const note of r.uncertain ?? []) lines.push(`- Not verified: ${note}.`);
    const sources = [
      ...r.citations,
      ...r.conflict.citations,
      ...r.privileged.citations,
      ...(r.dropAllFix?.citations ?? []),
      ...(r.unknownAddIn?.citations ?? []),
      ...Object.values(nonRoot).flatMap((f) => f.citations),
    ];
    lines.push('', 'Sources:', '', ...[...new Set(sources)].map((c) => `- ${c}`), '');
  }
  lines.push('## OCI runtimes behind containerd and CRI-O', '');
  for (const r of OCI_RANGES) {
    lines.push(`### ${r.label} (\`${r.runtime}\`, ${range(r.since, r.until)})`, '');
    lines.push(`- Unknown name: ${handling(r.unknown)}.`);
    lines.push(
      `- Knows names up to ${capability(r.knownMax)}; ${r.caseInsensitive ? 'any case' : 'exact, upper-case names'}.`,
    );
    for (const note of r.uncertain ?? []) lines.push(`- Not verified: ${note}.`);
    lines.push('', 'Sources:', '', ...r.citations.map((c) => `- ${c}`), '');
  }
  lines.push(
    '## The runc each containerd release pins',
    '',
    'Assumed for `containerd@VERSION` unless the target names the node’s runc (`+runc@VERSION`).',
    'Up to 1.4.4 the pin is the runc line of `vendor.conf`, which `script/setup/install-runc` builds;',
    'from 1.4.5 and 1.5.0 on it is `script/setup/runc-version`. Distributions often ship another runc.',
    '',
    '| containerd | runc | source |',
    '|---|---|---|',
    ...CONTAINERD_BUNDLED_RUNC.map(
      (e) => `| ${range(e.since, e.until)} | ${e.runc}${e.until ? '' : ' or later'} | ${e.source} |`,
    ),
    '',
  );
  return lines.join('\n');
}
