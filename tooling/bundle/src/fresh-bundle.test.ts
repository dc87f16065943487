import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshBundle, inputsManifestPath, isBundleFresh } from "./index";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "voxchart-bundle-"));
  await writeFile(join(dir, "greet.ts"), `export const greet = (name: string): string => \`hello \${name}\`;\n`);
  await writeFile(join(dir, "main.ts"), `import { z } from "zod";\nimport { greet } from "./greet";\nexport const message = greet(z.string().parse("ada"));\nexport function named() { const inner = () => 1; return inner; }\n`);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const target = () => ({ entry: join(dir, "main.ts"), outfile: join(dir, "dist", "main.mjs") });

describe("freshBundle", () => {
  it("inlines our sources, leaves npm packages as imports and lists the inputs", async () => {
    const out = await freshBundle(target());
    const code = await readFile(out, "utf8");
    expect(code).toContain("hello ");
    expect(code).toMatch(/from "zod"/);
    expect(code).not.toContain("__name(");
    const inputs = JSON.parse(await readFile(inputsManifestPath(out), "utf8")) as string[];
    expect(inputs.sort()).toEqual([join(dir, "greet.ts"), join(dir, "main.ts")]);
  });

  it("writes a module that runs", async () => {
    // The bundle sits in a temp folder, where "zod" cannot be resolved; bundle a leaf instead.
    const out = await freshBundle({ entry: join(dir, "greet.ts"), outfile: join(dir, "dist", "greet.mjs") });
    const mod = (await import(pathToFileURL(out).href)) as { greet: (n: string) => string };
    expect(mod.greet("bob")).toBe("hello bob");
  });

  it("is fresh until a source is changed, then rebuilds", async () => {
    const out = await freshBundle(target());
    expect(await isBundleFresh(out)).toBe(true);
    await writeFile(join(dir, "greet.ts"), `export const greet = (name: string): string => \`goodbye \${name}\`;\n`);
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, "greet.ts"), later, later);
    expect(await isBundleFresh(out)).toBe(false);
    await freshBundle(target());
    expect(await readFile(out, "utf8")).toContain("goodbye ");
  });

  it("counts a missing bundle, manifest or source as stale", async () => {
    expect(await isBundleFresh(target().outfile)).toBe(false);
    const out = await freshBundle(target());
    await rm(join(dir, "greet.ts"));
    expect(await isBundleFresh(out)).toBe(false);
  });

  it("rejects with esbuild's message and leaves no partial files when a source does not compile", async () => {
    await writeFile(join(dir, "greet.ts"), "export const greet = (;\n");
    await expect(freshBundle(target())).rejects.toThrow(/greet\.ts/);
    await expect(readFile(target().outfile)).rejects.toThrow();
  });
});
