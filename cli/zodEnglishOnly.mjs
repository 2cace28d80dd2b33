// An esbuild plugin for the CLI's and the page's bundles: zod's `z.locales` namespace (its error
// messages in ~40 languages, 264 KB of the page's 1.8 MB) is never used here, but a namespace
// re-export cannot be tree-shaken, so every bundle carried all of them. Only English stays: zod's
// default, which its schemas register from locales/en.js themselves.
import { dirname, join } from 'node:path';

export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      // Both namespaces that re-export them: z.locales (classic/external.js) and z.core.locales (core/index.js).
      if (!/[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)) return undefined;
      return { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-english-only' };
    });
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
