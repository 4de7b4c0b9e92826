import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export type Module = any;

/** The CommonJS module objects tf.js uses at runtime (what `require` returns, shared with ESM `import`). */
export interface TfModules {
  /** `@tensorflow/tfjs` (the union package), if installed. */
  tf: Module | undefined;
  core: Module;
  layers: Module | undefined;
  data: Module | undefined;
}

declare const __filename: string | undefined;

/** URL of this file (of the built bundle when built): ESM has import.meta.url, CJS has __filename. */
export function selfUrl(): string {
  if (typeof __filename === 'string' && __filename.length > 0) return pathToFileURL(__filename).href;
  return import.meta.url;
}

export class TfjsNotFoundError extends Error {
  override readonly name = 'TfjsNotFoundError';
}

let cached: TfModules | undefined;

function tryRequire(req: NodeRequire, id: string): Module | undefined {
  try {
    req.resolve(id);
  } catch {
    return undefined;
  }
  return req(id);
}

/**
 * Loads tf.js through `require`, resolved from `@tensorflow/tfjs`'s own location, so the module objects are the
 * ones that `import '@tensorflow/tfjs'` and `require('@tensorflow/tfjs')` hand to the user.
 */
export function loadTf(): TfModules {
  if (cached) return cached;
  const req = createRequire(selfUrl());
  let tf: Module | undefined;
  let from = req;
  try {
    const tfPath = req.resolve('@tensorflow/tfjs');
    tf = req(tfPath);
    from = createRequire(tfPath);
  } catch {
    tf = undefined;
  }
  const core = tryRequire(from, '@tensorflow/tfjs-core');
  if (!core) {
    throw new TfjsNotFoundError(
      '@seedkit/tfjs needs @tensorflow/tfjs (peer dependency): npm install @tensorflow/tfjs@^4.22.0',
    );
  }
  cached = {
    tf,
    core,
    layers: tryRequire(from, '@tensorflow/tfjs-layers'),
    data: tryRequire(from, '@tensorflow/tfjs-data'),
  };
  return cached;
}
