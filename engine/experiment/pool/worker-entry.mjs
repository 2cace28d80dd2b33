// Worker entry when running from source: load the TypeScript worker through tsx. (The bundled
// command has its own cli/dist/worker-entry.mjs, built by cli/build.mjs.) If loading fails, the
// worker ends with the error, and the pool fails the command naming the replication it lost.
const { register } = await import('tsx/esm/api');
register();
await import('./replicationWorker.ts');
