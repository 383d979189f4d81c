// The page's worker: runs capdoctor off the main thread so that typing never waits for a lint.
import { analyze, applyFixes, bench, isTargetError, meta } from './capdoctor.js';
import type { Request, Response } from './protocol.js';

interface Scope {
  onmessage: ((event: MessageEvent<{ id: number; request: Request }>) => void) | null;
  postMessage(message: Response): void;
}
const scope = self as unknown as Scope;

scope.onmessage = ({ data: { id, request } }) => {
  let response: Response;
  try {
    switch (request.op) {
      case 'meta':
        response = { id, ok: true, result: meta() };
        break;
      case 'analyze':
        response = { id, ok: true, result: analyze(request.text, request.targets, request.mode) };
        break;
      case 'fix':
        response = { id, ok: true, result: applyFixes(request.text, request.targets, request.unsafe, request.only) };
        break;
      case 'bench':
        response = { id, ok: true, result: bench(request.text, request.targets) };
        break;
    }
  } catch (error) {
    // A target the facts do not know (TargetError) and any other failure reach the page as text.
    response = {
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      target: isTargetError(error),
    };
  }
  scope.postMessage(response);
};
