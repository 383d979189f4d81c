// Files a container sees from ConfigMaps and Secrets that are in the same input: volumeMounts (with
// subPath) joined to the pod's volumes (configMap, secret, projected, with items) and to the object
// that holds the data. Only what the input shows; a ConfigMap that is not there gives no file.
import { type ContainerInfo, type Extracted, isMapping, type Mapping } from '../core/extract.js';
import type { Path } from '../core/types.js';

export interface DocumentView {
  readonly value: unknown;
  readonly extracted: Extracted;
}

export interface MountedFile {
  /** Absolute path inside the container. */
  path: string;
  content: string;
  source: {
    kind: 'ConfigMap' | 'Secret';
    name: string;
    key: string;
    /** Index of the document holding the data. */
    document: number;
    /** Path of the data value in that document. */
    path: Path;
    /** The value was base64 (Secret `data`), so its lines do not map to lines of the file. */
    encoded: boolean;
  };
  /** Path of the volumeMount in the container's document. */
  mountPath: Path;
}

interface Projection {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  /** key → path inside the volume; undefined: every key under its own name. */
  items?: { key: string; path: string }[];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function itemsOf(value: unknown): { key: string; path: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: { key: string; path: string }[] = [];
  for (const item of value) {
    const key = isMapping(item) ? str(item.key) : undefined;
    const path = isMapping(item) ? str(item.path) : undefined;
    if (key !== undefined && path !== undefined) out.push({ key, path });
  }
  return out;
}

function projectionsOf(volume: Mapping): Projection[] {
  const out: Projection[] = [];
  const add = (kind: Projection['kind'], source: unknown, nameKey: string) => {
    if (!isMapping(source)) return;
    const name = str(source[nameKey]);
    if (name === undefined) return;
    const projection: Projection = { kind, name };
    const items = itemsOf(source.items);
    if (items) projection.items = items;
    out.push(projection);
  };
  add('ConfigMap', volume.configMap, 'name');
  add('Secret', volume.secret, 'secretName');
  const projected = volume.projected;
  if (isMapping(projected) && Array.isArray(projected.sources)) {
    for (const source of projected.sources) {
      if (!isMapping(source)) continue;
      add('ConfigMap', source.configMap, 'name');
      add('Secret', source.secret, 'name');
    }
  }
  return out;
}

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

interface DataEntry {
  key: string;
  content: string;
  path: Path;
  encoded: boolean;
  document: number;
}

type Candidate = { document: number; object: DocumentView['extracted']['objects'][number] };

/** ConfigMaps and Secrets by kind and name, built once per input: lookups stay linear in the input. */
const indexes = new WeakMap<readonly DocumentView[], Map<string, Candidate[]>>();

function candidates(documents: readonly DocumentView[], kind: string, name: string): readonly Candidate[] {
  // Most containers are analysed without the other documents: no index (nor weak entry) for those.
  if (documents.length === 0) return [];
  let index = indexes.get(documents);
  if (!index) {
    index = new Map();
    for (const [document, view] of documents.entries()) {
      for (const object of view.extracted.objects) {
        if (object.ref.kind !== 'ConfigMap' && object.ref.kind !== 'Secret') continue;
        const key = `${object.ref.kind}/${object.ref.name ?? ''}`;
        const list = index.get(key) ?? [];
        list.push({ document, object });
        index.set(key, list);
      }
    }
    indexes.set(documents, index);
  }
  return index.get(`${kind}/${name}`) ?? [];
}

/** The data of the ConfigMap or Secret with this name (and namespace, when both sides state one). */
function findData(
  documents: readonly DocumentView[],
  kind: Projection['kind'],
  name: string,
  namespace: string | undefined,
): DataEntry[] | undefined {
  for (const { document, object } of candidates(documents, kind, name)) {
    if (namespace !== undefined && object.ref.namespace !== undefined && object.ref.namespace !== namespace) continue;
    const out: DataEntry[] = [];
    const plain = kind === 'ConfigMap' ? object.value.data : object.value.stringData;
    if (isMapping(plain)) {
      for (const [key, value] of Object.entries(plain)) {
        const content = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
        if (content !== undefined) {
          const field = kind === 'ConfigMap' ? 'data' : 'stringData';
          out.push({ key, content, path: [...object.path, field, key], encoded: false, document });
        }
      }
    }
    if (kind === 'Secret' && isMapping(object.value.data)) {
      for (const [key, value] of Object.entries(object.value.data)) {
        if (out.some((e) => e.key === key) || typeof value !== 'string') continue;
        const content = decodeBase64(value);
        if (content !== undefined) {
          out.push({ key, content, path: [...object.path, 'data', key], encoded: true, document });
        }
      }
    }
    return out;
  }
  return undefined;
}

function join(dir: string, file: string): string {
  return `${dir.replace(/\/+$/, '')}/${file.replace(/^\/+/, '')}`;
}

/** Every file the container sees from ConfigMaps and Secrets found in `documents`. */
export function mountedFiles(container: ContainerInfo, documents: readonly DocumentView[]): MountedFile[] {
  const mounts = container.value.volumeMounts;
  const volumes = container.podSpec.value.volumes;
  // Without the other documents no data can be found (most containers are analysed so).
  if (documents.length === 0 || !Array.isArray(mounts) || !Array.isArray(volumes)) return [];
  const namespace = container.podSpec.object?.ref.namespace;
  const out: MountedFile[] = [];
  mounts.forEach((mount, index) => {
    if (!isMapping(mount)) return;
    const volumeName = str(mount.name);
    const mountPath = str(mount.mountPath);
    if (volumeName === undefined || mountPath === undefined) return;
    const volume = volumes.find((v) => isMapping(v) && v.name === volumeName);
    if (!isMapping(volume)) return;
    const subPath = str(mount.subPath);
    for (const projection of projectionsOf(volume)) {
      const data = findData(documents, projection.kind, projection.name, namespace);
      if (!data) continue;
      for (const entry of data) {
        const relative = projection.items
          ? projection.items.find((item) => item.key === entry.key)?.path
          : projection.items === undefined
            ? entry.key
            : undefined;
        if (relative === undefined) continue;
        let path: string;
        if (subPath !== undefined && subPath !== '') {
          if (relative !== subPath.replace(/^\.\//, '')) continue;
          path = mountPath;
        } else path = join(mountPath, relative);
        out.push({
          path,
          content: entry.content,
          source: {
            kind: projection.kind,
            name: projection.name,
            key: entry.key,
            document: entry.document,
            path: entry.path,
            encoded: entry.encoded,
          },
          mountPath: [...container.path, 'volumeMounts', index],
        });
      }
    }
  });
  return out;
}
