/** Test tooling for browser tests: headless Chromium from the system, never a downloaded browser. */
export type { LaunchChromiumOptions } from "./launch-chromium";
export { chromiumPath, launchChromium } from "./launch-chromium";
export type { Prerequisites } from "./prerequisites";
export { checkPrerequisites } from "./prerequisites";
