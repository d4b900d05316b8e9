export declare const BUDGET_BYTES: number;
export declare function initialScripts(distDir: string, page: string): string[];
export declare function gzippedSizes(distDir: string, page: string): { file: string; bytes: number }[];
