// Node-only modules the engine imports at load time but the page never calls (worker threads,
// os, crypto, module): any use throws, naming what was used.
module.exports = new Proxy(
  {},
  {
    get(_, key) {
      if (key === '__esModule') return false;
      if (key === 'availableParallelism') return () => (globalThis.navigator && navigator.hardwareConcurrency) || 1;
      return function unavailable() {
        throw new Error(`${String(key)} (a Node-only API) is not available in the browser`);
      };
    },
  },
);
