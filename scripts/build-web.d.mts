/** Builds the web playground into web/dist; returns the size in bytes of each file written. */
export function buildWeb(): Promise<{ sizes: Record<string, number>; worker: number }>;
