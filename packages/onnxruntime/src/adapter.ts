/**
 * Core integration: importing @seedkit/onnxruntime registers the adapter `onnxruntime` with @seedkit/core.
 * `seedEverything(root)` then stores `root` as the default seed of {@link seedModel} (used when it is called
 * without a seed). The root is kept on `globalThis` under a registered symbol, so the ESM and CJS builds of
 * this package share it.
 */
import { registerAdapter, type Seed } from '@seedkit/core';

/** The name this package registers with core. */
export const ADAPTER_NAME = 'onnxruntime';

const ROOT_KEY = Symbol.for('@seedkit/onnxruntime/default-root');

type Holder = Record<symbol, Seed | undefined>;

/** The root of the last `seedEverything()` call seen by this adapter (undefined before the first). */
export function defaultRoot(): Seed | undefined {
  return (globalThis as unknown as Holder)[ROOT_KEY];
}

/** @internal Sets (or clears) the default root; what the registered adapter's `seed(root)` does. */
export function setDefaultRoot(root: Seed | undefined): void {
  (globalThis as unknown as Holder)[ROOT_KEY] = root;
}

/** Registers the adapter with core (done on import; registering again replaces it). Returns the unregister. */
export function registerOnnxruntimeAdapter(): () => void {
  return registerAdapter({
    name: ADAPTER_NAME,
    seed(root: Seed): void {
      setDefaultRoot(root);
    },
  });
}

registerOnnxruntimeAdapter();
