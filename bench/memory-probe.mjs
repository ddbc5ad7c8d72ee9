// Preloaded into Tandem's process by `npm run bench -- memory` (node --expose-gc --import
// ./bench/memory-probe.mjs src/main.ts): answers the parent's "memory" message with
// process.memoryUsage() taken after full garbage collections, so only live memory is counted.
// Plain JavaScript: a preloaded module is loaded before tsx can compile TypeScript.
process.on('message', (message) => {
  if (message !== 'memory') return;
  if (typeof globalThis.gc !== 'function') {
    process.send?.({ error: 'run with --expose-gc' });
    return;
  }
  // A few passes: finalisers and weak references free more on the second and third.
  for (let i = 0; i < 3; i++) globalThis.gc();
  process.send?.(process.memoryUsage());
});
