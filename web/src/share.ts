// Share links: the URL fragment holds the input and the targets, so nothing is sent to any server.
//   #input=<base64url of the UTF-8 text>&target=docker@18.06&target=crio@1.25
//   #zinput=<base64url of the text compressed with deflate-raw>&…   (written when it is shorter)
// Each `target` is one `--target` value (it may hold commas: `k8s@1.13.2,docker@18.06`).

export interface Shared {
  input: string;
  targets: string[];
  mode?: string;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  const chunks: Uint8Array[] = [];
  const reader = piped.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The fragment (without `#`) for a text and its targets; compressed when that is shorter. */
export async function encodeFragment(shared: Shared): Promise<string> {
  const bytes = new TextEncoder().encode(shared.input);
  let input = `input=${toBase64Url(bytes)}`;
  if (typeof CompressionStream === 'function' && bytes.length > 200) {
    const packed = `zinput=${toBase64Url(await through(bytes, new CompressionStream('deflate-raw')))}`;
    if (packed.length < input.length) input = packed;
  }
  const parts = [input, ...shared.targets.map((t) => `target=${encodeURIComponent(t)}`)];
  if (shared.mode && shared.mode !== 'auto') parts.push(`mode=${encodeURIComponent(shared.mode)}`);
  return parts.join('&');
}

/** Reads a fragment written by encodeFragment; undefined when it holds no input. Throws on a damaged one. */
export async function decodeFragment(fragment: string): Promise<Shared | undefined> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const plain = params.get('input');
  const packed = params.get('zinput');
  let input: string;
  if (plain !== null) {
    input = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(plain));
  } else if (packed !== null) {
    const bytes = await through(fromBase64Url(packed), new DecompressionStream('deflate-raw'));
    input = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } else {
    return undefined;
  }
  const shared: Shared = { input, targets: params.getAll('target').filter((t) => t.trim() !== '') };
  const mode = params.get('mode');
  if (mode) shared.mode = mode;
  return shared;
}
