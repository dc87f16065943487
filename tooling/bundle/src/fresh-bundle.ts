import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import { bundleWorkspaceEntry, inputsManifestPath, type BundleTarget } from "./bundle-workspace-entry";

const InputsSchema = z.array(z.string());

/**
 * Whether `outfile` exists and was written after every source it was built from (and all of
 * them still exist). A new source file is always imported by an edited one, so edits are enough.
 */
export async function isBundleFresh(outfile: string): Promise<boolean> {
  try {
    const built = (await stat(outfile)).mtimeMs;
    const inputs = InputsSchema.parse(JSON.parse(await readFile(inputsManifestPath(outfile), "utf8")));
    const times = await Promise.all(inputs.map(async (input) => (await stat(input)).mtimeMs));
    return times.every((t) => t <= built);
  } catch {
    return false; // missing or unreadable: build it
  }
}

/** The bundle of `entry`, rebuilt first when missing or older than one of its sources; returns its path. */
export async function freshBundle(target: BundleTarget): Promise<string> {
  if (!(await isBundleFresh(target.outfile))) await bundleWorkspaceEntry(target);
  return target.outfile;
}
