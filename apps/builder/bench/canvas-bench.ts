/**
 * Canvas benchmark (not a test): in headless Chromium, the time to first render a generated
 * 300-node flow and the time to apply an edit (inspector → node card), p50/p99 over repeated
 * runs. Prints JSON. Run: `npm run build -w @voxchart/builder && npm run bench -w @voxchart/builder`.
 * Env: BENCH_NODES (300), BENCH_LOADS (8), BENCH_EDITS (30), VOXCHART_E2E_SERVER (start|dev).
 */
import { launchBrowser } from "../e2e/support/launch-browser";
import { startServer } from "../e2e/support/start-server";
import { generateFlow } from "./generate-flow";

const SIZE = Number(process.env.BENCH_NODES ?? 300);
const LOADS = Number(process.env.BENCH_LOADS ?? 8);
const EDITS = Number(process.env.BENCH_EDITS ?? 30);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? NaN) * 10) / 10;
}
const stats = (values: number[]) => ({ runs: values.length, p50: percentile(values, 50), p99: percentile(values, 99), min: percentile(values, 0), max: percentile(values, 100) });

const server = await startServer();
const browser = await launchBrowser();
try {
  const response = await fetch(`${server.url}/api/flows/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ document: generateFlow(SIZE) }) });
  if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  const { flow } = (await response.json()) as { flow: { id: string } };
  const url = `${server.url}/flows/${flow.id}`;

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url, { waitUntil: "load" }); // warm-up: compiles and caches
  await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node").length >= n, SIZE, { timeout: 240_000 });

  const firstRender: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction((n) => document.querySelectorAll(".react-flow__node .vx-node").length >= n, SIZE, { timeout: 120_000, polling: "raf" });
    firstRender.push(await page.evaluate(() => performance.now()));
  }

  await page.locator('.react-flow__node[data-id="say_0"]').click();
  await page.locator('[id="f-text"]').waitFor();
  const edit: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    edit.push(
      await page.evaluate(async (n) => {
        const area = document.querySelector<HTMLTextAreaElement>('[id="f-text"]');
        const card = document.querySelector('.react-flow__node[data-id="say_0"] .headline');
        if (!area || !card) throw new Error("inspector or card missing");
        const text = `Edited text number ${n}`;
        const started = performance.now();
        const done = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (card.textContent === text) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - started));
            }
          });
          observer.observe(card, { childList: true, characterData: true, subtree: true });
        });
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(area, text);
        area.dispatchEvent(new Event("input", { bubbles: true }));
        return done;
      }, i),
    );
  }
  console.log(JSON.stringify({ nodes: SIZE, edges: generateFlow(SIZE).edges?.length ?? 0, unit: "ms", firstRender: stats(firstRender), edit: stats(edit), chromium: browser.version() }));
} finally {
  await browser.close();
  await server.stop();
}
