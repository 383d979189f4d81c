import type { BuildOptions } from 'esbuild';

export declare const browserOptions: BuildOptions & { plugins: NonNullable<BuildOptions['plugins']> };
