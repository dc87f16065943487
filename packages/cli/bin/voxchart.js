#!/usr/bin/env node
// The voxchart command. It runs as one ES module bundled from the workspace's TypeScript sources
// (packages/cli/dist, rebuilt here whenever a source is newer), not through tsx: tsx keeps function
// names, which costs the engine's hot paths about a fifth of their speed. tsx is still registered,
// for the TypeScript tool modules users pass with --tools. VOXCHART_FROM_SOURCE=1 skips the bundle.
import { register } from "tsx/esm/api";

register();
const source = new URL("../src/main.ts", import.meta.url);
let main = source.href;
if (process.env.VOXCHART_FROM_SOURCE !== "1") {
  const { fileURLToPath, pathToFileURL } = await import("node:url");
  const { freshBundle } = await import("@voxchart/bundle");
  try {
    const bundle = await freshBundle({ entry: fileURLToPath(source), outfile: fileURLToPath(new URL("../dist/voxchart.mjs", import.meta.url)) });
    process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources
    main = pathToFileURL(bundle).href;
  } catch {
    // A source that does not build: run from source, where tsx reports the error in place.
  }
}
await import(main);
