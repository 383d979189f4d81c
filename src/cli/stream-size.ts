// Which inputs are large enough to stream, decided before the streaming code (and its worker threads)
// is loaded: most runs lint small files and never load it.
import { statSync } from 'node:fs';

/** Files at least this large are streamed (CAPDOCTOR_STREAM_BYTES sets another size, for tests and measurements). */
export const STREAM_BYTES = Number(process.env.CAPDOCTOR_STREAM_BYTES ?? 4 * 1024 * 1024);

/** Whether a path is a large YAML file worth streaming (JSON is read whole: its parser is not streamed). */
export function shouldStream(path: string): boolean {
  if (/\.json$/i.test(path)) return false;
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size >= STREAM_BYTES;
  } catch {
    return false;
  }
}
