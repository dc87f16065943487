import { chromium, type Browser } from "playwright-core";

/**
 * Headless Chromium from Debian (never a downloaded browser), with flags that work as root.
 * Playwright gives every launch a fresh temporary profile (the --user-data-dir the docs ask for).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
