declare const __PACKAGE_VERSION__: string;

/** The published version of @seedkit/onnxruntime, compiled in from its package.json. */
export const VERSION: string = __PACKAGE_VERSION__;
