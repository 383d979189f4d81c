/** Bundles the GitHub Action into `outdir` (default action/dist). */
export function buildAction(outdir?: string): Promise<void>;
