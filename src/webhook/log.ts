// The webhook's log sink. One JSON line per review: written one by one, each line is a write system call
// (Node writes to pipes and files synchronously), and a wake-up of whatever reads the log. The lines of
// one turn of the event loop are written together instead: under load, one write for many reviews.

/**
 * A `log` that gathers lines and hands them to `write` together (each ending in a newline) once the
 * current turn of the event loop is over, or as soon as `maxChars` are waiting. Lines keep their order;
 * the pending write keeps the process alive until it is done.
 */
export function lineWriter(write: (text: string) => void, maxChars = 64 * 1024): (line: string) => void {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const text = pending;
    pending = '';
    write(text);
  };
  return (line) => {
    pending += `${line}\n`;
    if (pending.length >= maxChars) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
