/** Headless Debian Chromium for the builder's browser test, launched as every browser test launches it. */
export { launchChromium as launchBrowser } from "@voxchart/test-browser";
