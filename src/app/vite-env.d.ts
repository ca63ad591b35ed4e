/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' in the builds made for the browser tests and benchmarks: installs window.__orderwatch. */
  readonly VITE_DEBUG_HOOK?: string;
}
