// Peer: Monokle (@monokle/validation 0.33, installed by the benchmark into .bench/peers, never a
// project dependency) with its offline plugins, Pod Security Standards and practices.
import { readFileSync } from 'node:fs';

const lib = new URL('../../.bench/peers/node_modules/@monokle/validation/lib/', import.meta.url);
const { AnnotationSuppressor, DefaultPluginLoader, DisabledFixer, MonokleValidator, ResourceParser } = await import(
  new URL('node.js', lib).href
);
const { parseAllDocuments } = await import(
  new URL('../../.bench/peers/node_modules/yaml/dist/index.js', import.meta.url).href
);

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
// Monokle takes resources: one per document, as its own tools build them.
const resources = [];
for (const [i, doc] of parseAllDocuments(text).entries()) {
  const content = doc.toJS();
  if (!content || typeof content !== 'object') continue;
  const [start, end] = doc.range;
  resources.push({
    id: `r${i}`,
    fileId: file,
    filePath: file,
    fileOffset: 0,
    name: content.metadata?.name ?? '',
    apiVersion: content.apiVersion ?? '',
    kind: content.kind ?? '',
    namespace: content.metadata?.namespace,
    content,
    text: text.slice(start, end),
  });
}
const validator = new MonokleValidator({
  loader: new DefaultPluginLoader(),
  parser: new ResourceParser(),
  suppressors: [new AnnotationSuppressor()],
  fixer: new DisabledFixer(),
});
await validator.preload({ plugins: { 'pod-security-standards': true, practices: true } });
const response = await validator.validate({ resources });
const results = response.runs.reduce((n, run) => n + run.results.length, 0);
process.stdout.write(`${resources.length} resources, ${results} results\n`);
