// Types for src/demo.mjs (used by tests/cross-framework).
export declare const CONFIG: Readonly<{
  inputSize: number;
  hidden: number;
  classes: number;
  dropout: number;
  samples: number;
  batchSize: number;
  lr: number;
  steps: number;
}>;
export declare const PARAMS: readonly { path: string; shape: number[]; scheme: string }[];
export declare function floatHex(v: number): string;
export declare function seedkitNumpyDraws(seed: number): Record<string, (string | number)[]>;
export declare function runDemo(options?: {
  seed?: number;
  steps?: number;
  onProgress?: (framework: string, step: number, steps: number, loss: number) => void;
}): Promise<unknown>;
