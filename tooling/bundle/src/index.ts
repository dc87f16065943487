export { bundleWorkspaceEntry, inputsManifestPath } from "./bundle-workspace-entry";
export type { BundleTarget } from "./bundle-workspace-entry";
export { freshBundle, isBundleFresh } from "./fresh-bundle";
