// Reads what `kubectl get ns,nodes,pods,deploy,sts,ds,rs,job,cronjob -A -o json` (or `-o yaml`) prints into
// the objects a scan needs, each with its position in the text: `scan --from` reports the dump's lines.

import { parseYamlFast } from '../parse/fast.js';
import { listItemRanges, locateJsonSlice, parseJson } from '../parse/json.js';
import type { LocatedNode, ParsedSource, SourceDocument } from '../parse/types.js';
import { isMapping, type Mapping } from './extract.js';
import { LineIndex } from './lines.js';
import type { ClusterObject, ClusterSnapshot } from './scan.js';
import type { Path, Range } from './types.js';

const CONTROLLER_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'ReplicationController',
]);

export class DumpError extends Error {}

export interface DumpRead {
  snapshot: ClusterSnapshot & { nodes: Mapping[] };
  /** Objects of other kinds, which a scan does not look at. */
  skipped: number;
}

/**
 * Values by JSON.parse (fast). Positions only when a finding asks for one: the items of a List are
 * found by one scan, and each item's tree is built from its own slice of the text.
 */
function jsonDocument(text: string): SourceDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  let whole: SourceDocument | undefined;
  let items: Range[] | undefined;
  const slices = new Map<number, (path: Path) => LocatedNode | undefined>();
  const isList = isMapping(value) && Array.isArray(value.items);
  return {
    index: 0,
    value,
    start: Math.max(0, text.search(/\S/)),
    locate: (path: Path): LocatedNode | undefined => {
      if (isList && path[0] === 'items' && typeof path[1] === 'number') {
        items ??= listItemRanges(text);
        const at = path[1];
        const range = items[at];
        if (range) {
          let locate = slices.get(at);
          if (!locate) {
            locate = locateJsonSlice(text, range);
            slices.set(at, locate);
          }
          return locate(path.slice(2));
        }
      }
      whole ??= parseJson(text).documents[0];
      return whole?.locate(path);
    },
  };
}

function parse(file: string, text: string): SourceDocument[] {
  if (/^\uFEFF?\s*[[{]/.test(text)) {
    const fast = jsonDocument(text);
    if (fast) return [fast];
  }
  const parsed: ParsedSource = /^\uFEFF?\s*[[{]/.test(text) ? parseJson(text) : parseYamlFast(text);
  const problem = parsed.problems.find((p) => !p.warning);
  if (problem) {
    const at = new LineIndex(text).position(problem.start);
    throw new DumpError(`${file}:${at.line}:${at.column}: ${problem.message}`);
  }
  return parsed.documents;
}

/** Splits a dump into nodes, pods and controllers; `kind: List` documents are read item by item. */
export function readDump(file: string, text: string): DumpRead {
  const documents = parse(file, text);
  const snapshot: DumpRead['snapshot'] = { nodes: [], pods: [], controllers: [] };
  let skipped = 0;
  const namespaces: Mapping[] = [];
  let objects = 0;
  const add = (value: unknown, document: SourceDocument, prefix: Path) => {
    if (!isMapping(value) || typeof value.kind !== 'string') return;
    objects += 1;
    const object: ClusterObject = {
      value,
      file,
      source: {
        text,
        locate: prefix.length === 0 ? (path) => document.locate(path) : (path) => document.locate([...prefix, ...path]),
      },
    };
    if (value.kind === 'Node') snapshot.nodes.push(value);
    else if (value.kind === 'Namespace') namespaces.push(value);
    else if (value.kind === 'Pod') (snapshot.pods as ClusterObject[]).push(object);
    else if (CONTROLLER_KINDS.has(value.kind)) (snapshot.controllers as ClusterObject[]).push(object);
    else skipped += 1;
  };
  for (const document of documents) {
    const value = document.value;
    if (
      isMapping(value) &&
      typeof value.kind === 'string' &&
      value.kind.endsWith('List') &&
      Array.isArray(value.items)
    ) {
      value.items.forEach((item, i) => {
        add(item, document, ['items', i]);
      });
    } else {
      add(value, document, []);
    }
  }
  if (objects === 0) {
    throw new DumpError(
      `${file}: no Kubernetes objects; expected the output of \`kubectl get ns,nodes,pods,deploy,sts,ds,rs,job,cronjob -A -o json\``,
    );
  }
  // No Namespace in the dump: as if they could not be read (no level from labels).
  if (namespaces.length > 0) snapshot.namespaces = namespaces;
  return { snapshot, skipped };
}
