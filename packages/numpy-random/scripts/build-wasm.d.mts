// Types for scripts/build-wasm.mjs (used by test/wasm-build.test.ts).
export declare const KERNELS: ReadonlyArray<{ name: string; constant: string; simd?: boolean }>;
export declare function compileWat(filename: string, text: string, simd?: boolean): Promise<Uint8Array>;
export declare function renderModule(name: string, constant: string, bytes: Uint8Array): string;
