/** Bundles the GitHub Action into `outdir` (default action/dist). */
export function buildAction(outdir?: string): Promise<void>;
/** The licence texts of the packages among a bundle's input files. */
export function licences(inputs: string[]): string;
