import type { Browser, Page } from "playwright-core";

export interface ClientPage {
  readonly page: Page;
  /** The page's console and uncaught errors, newest last: context for a failure message. */
  readonly consoleLines: string[];
}

/** Opens the Pipecat client page (build-page.ts, served at `siteUrl`) against a transport's POST /start. */
export async function openClientPage(browser: Browser, siteUrl: string, transportUrl: string): Promise<ClientPage> {
  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(`${siteUrl}/?start=${encodeURIComponent(`${transportUrl}/start`)}`);
  return { page, consoleLines };
}
