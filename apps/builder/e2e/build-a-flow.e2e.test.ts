import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Dialog, Locator, Page } from "playwright-core";
import { launchBrowser } from "./support/launch-browser";
import { APP_DIR, startServer, type RunningServer } from "./support/start-server";

const SHOTS = path.join(APP_DIR, "test-results");
mkdirSync(SHOTS, { recursive: true });

let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const field = (id: string) => page.locator(`[id="f-${id}"]`);

/** Drags from one node's source handle to another node's target handle, as a person would. */
async function connect(from: string, to: string) {
  const source = await node(from).locator(".react-flow__handle.source").boundingBox();
  const target = await node(to).locator(".react-flow__handle.target").boundingBox();
  if (!source || !target) throw new Error(`handles of ${from} → ${to} not visible`);
  // A person can only grab a handle nothing covers.
  const covered = await page.evaluate(([x, y]) => !document.elementFromPoint(x as number, y as number)?.closest(".react-flow__handle"), [source.x + source.width / 2, source.y + source.height / 2]);
  if (covered) throw new Error(`the source handle of ${from} is covered by another element`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2 - 20, { steps: 8 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 });
  await page.mouse.up();
}

/** Leaves any field and clears the selection (Escape on the canvas). */
async function deselect() {
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await page.keyboard.press("Escape");
}

async function confirmDialog(value?: string) {
  const dialog = page.locator("dialog[open]");
  if (value !== undefined) await dialog.locator("input").fill(value);
  await dialog.locator("[data-testid=dialog-confirm]").click();
}

async function expectText(locator: Locator, pattern: RegExp, timeout = 20_000) {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout });
}

describe("builder in a browser", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url, { waitUntil: "load" });
    await page.locator(".react-flow__node").first().waitFor({ timeout: 120_000 });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail") await shot(`failed-${ctx.task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, "-")}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens with the seeded examples", async () => {
    expect(await page.locator("[data-testid=flow-list] li").count()).toBeGreaterThanOrEqual(1);
    await shot("01-seeded-examples");
  });

  it("builds a flow from scratch: add nodes, connect them, edit prompts; a problem appears and goes away", async () => {
    await page.click("[data-testid=new-flow]");
    await confirmDialog("Party size");
    await page.waitForURL(/\/flows\/[0-9a-f-]+$/);
    await node("greet").waitFor();
    await expectText(page.locator("[data-testid=flow-title]"), /Party size/);

    // Remove the starter edge greet → goodbye: select it by its label, then Delete.
    await page.locator('.vx-edge-label[data-edge-id="e1"]').click();
    await page.locator("[data-testid=edge-inspector]").waitFor();
    await page.keyboard.press("Delete");
    await expect.poll(() => page.locator('.vx-edge-label[data-edge-id="e1"]').count()).toBe(0);

    // Add a collect node from the palette; it opens in the inspector.
    await page.click("[data-testid=add-collect]");
    await node("collect_1").waitFor();
    await field("prompt").fill("How many people are coming?");
    await field("slots.0.name").fill("party_size");
    await field("slots.0.type").selectOption("integer");
    await expectText(node("collect_1"), /How many people are coming\?/);

    // Unconnected, it is unreachable: the checks say so and mark the node.
    await page.locator('[data-testid=problems] li[data-code="graph/unreachable"][data-node="collect_1"]').waitFor({ timeout: 10_000 });
    await node("collect_1").locator(".marker").waitFor();
    await shot("02-problem-appears");

    // Clicking a problem selects its node.
    await deselect();
    await page.locator('[data-testid=problems] li[data-code="graph/unreachable"][data-node="collect_1"]').click();
    await expect.poll(() => page.locator('[data-testid=node-inspector] [id="f-id"]').inputValue()).toBe("collect_1");

    // Drag to connect: say → collect (always), collect → end (filled). Lay out first, so the
    // handles are in the open and not under the palette.
    await deselect();
    await page.keyboard.press("Shift+L");
    await page.waitForTimeout(600);
    await connect("greet", "collect_1");
    await connect("collect_1", "goodbye");
    await expectText(page.locator(".vx-edge-label"), /^filled$/);
    await expect.poll(() => page.locator('[data-testid=problems] li[data-code="graph/unreachable"]').count(), { timeout: 10_000 }).toBe(0);

    // Auto-layout (which fits the view), then edit the goodbye message.
    await page.keyboard.press("Shift+L");
    await page.waitForTimeout(600);
    await node("goodbye").locator("header").click();
    await field("message").fill("Thanks, see you soon!");
    await expectText(page.locator("[data-testid=save-state]"), /^Saved$/);
    await shot("03-flow-built");
  });

  it("duplicates a node with Ctrl+D and undoes it", async () => {
    await deselect();
    await node("greet").locator("header").click();
    await page.keyboard.press("Control+d");
    await node("greet_1").waitFor();
    await page.keyboard.press("Control+z");
    await expect.poll(() => node("greet_1").count()).toBe(0);
  });

  it("undoes and redoes an edit with the keyboard", async () => {
    await deselect();
    await page.click("[data-testid=add-say]");
    await node("say_1").waitFor();
    await deselect();
    await page.keyboard.press("Control+z");
    await expect.poll(() => node("say_1").count()).toBe(0);
    await page.keyboard.press("Control+Shift+z");
    await node("say_1").waitFor();
    await page.keyboard.press("Control+z");
    await expect.poll(() => node("say_1").count()).toBe(0);
  });

  it("simulates a conversation to its end node, highlighting the active node", async () => {
    await page.click("[data-testid=tab-simulate]");
    await page.click("[data-testid=sim-restart]");
    await expectText(page.locator("[data-testid=bot-message]"), /How many people are coming\?/);
    await expect.poll(() => node("collect_1").locator(".vx-node.active").count()).toBe(1);
    await page.fill("[data-testid=sim-input]", "four of us");
    await page.keyboard.press("Enter");
    await expectText(page.locator("[data-testid=bot-message]"), /Thanks, see you soon!/);
    await expectText(page.locator("[data-testid=sim-status]"), /ended/);
    await expectText(page.locator("[data-testid=sim-variables]"), /party_size/);
    await shot("04-simulated-to-end");
  });

  it("saves the conversation as a test case and runs it", async () => {
    await page.click("[data-testid=sim-save-test]");
    await confirmDialog("books for four");
    await page.click("[data-testid=tab-tests]");
    await expectText(page.locator("[data-testid=test-case]"), /books for four/);
    await page.click("[data-testid=run-all-tests]");
    await expectText(page.locator("[data-testid=tests-summary]"), /1\/1 passed/);
    await page.locator("[data-testid=test-case] details.turns > summary").click();
    await expectText(page.locator("[data-testid=test-case] details.turns"), /start → bot/);
    await shot("05-test-passed");
  });

  it("exports the test cases as a voxchart test file and imports it back, refusing a broken file with its problems", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export", exact: true }).click()]);
    const exported = path.join(SHOTS, "exported.test.json");
    await download.saveAs(exported);
    await page.locator("[data-testid=import-tests-file]").setInputFiles(exported);
    await expectText(page.locator(".toast"), /Imported 1 test case from exported\.test\.json \(1 replaced by name\)/);
    await expect.poll(() => page.locator("[data-testid=test-case]").count()).toBe(1);

    await page.locator("[data-testid=import-tests-file]").setInputFiles({
      name: "broken.test.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from("flow: ./x.flow.json\nconversations:\n  - name: typo\n    turns:\n      - usr: hello\n"),
    });
    await expectText(page.locator("[data-testid=import-problems]"), /broken\.test\.yaml:5: \/conversations\/0\/turns\/0\/usr: unknown field "usr"/);
    await shot("05b-import-problems");
    await expect.poll(() => page.locator("[data-testid=test-case]").count()).toBe(1);
  });

  it("publishes a version, changes the draft and shows the diff on the canvas", async () => {
    await page.click("[data-testid=tab-versions]");
    await page.fill("#version-note", "first release");
    await page.click("[data-testid=publish]");
    await expectText(page.locator("[data-testid=version-row]"), /first release/);
    await expectText(page.locator("[data-testid=version-row]"), /sha256 [0-9a-f]{16}/);
    // Publishing runs the test cases on the new version.
    await expectText(page.locator("[data-testid=version-tests]").first(), /tests 1\/1/);

    await page.click("[data-testid=tab-inspect]");
    await page.keyboard.press("Shift+F");
    await page.waitForTimeout(600);
    await node("goodbye").locator("header").click();
    await field("message").fill("Goodbye, and thanks for calling!");
    await expectText(page.locator("[data-testid=save-state]"), /^Saved$/);
    await page.click("[data-testid=tab-versions]");
    await page.click("[data-testid=show-diff]");
    await page.locator("[data-testid=diff-banner]").waitFor();
    await expect.poll(() => node("goodbye").locator(".vx-node.diff-changed").count()).toBe(1);
    await shot("06-version-diff");

    // The changed draft no longer matches the recorded test: the first mismatch is shown.
    await page.click("[data-testid=diff-banner] button");
    await page.click("[data-testid=tab-tests]");
    await page.click("[data-testid=run-all-tests]");
    await expectText(page.locator("[data-testid=test-mismatch]"), /Goodbye, and thanks for calling!/);
    await shot("07-test-mismatch");
    // Every run is recorded: the history lists this failure above the earlier pass.
    await page.locator("[data-testid=run-history] > summary").click();
    await expectText(page.locator("[data-testid=run-history-entry]").first(), /0\/1 passed[\s\S]*Goodbye, and thanks for calling!/);
    await expectText(page.locator("[data-testid=run-history-entry]").nth(1), /1\/1 passed/);
    await shot("07b-run-history");
    // The wording change was meant: accept it, and the case passes again.
    await page.click("[data-testid=rerecord-test]");
    await page.click("dialog[open] [data-testid=dialog-confirm]");
    await expectText(page.locator("[data-testid=tests-summary]"), /1\/1 passed/);
    await page.locator("[data-testid=test-case] details.turns > summary").click();
    await expectText(page.locator("[data-testid=test-case] details.turns"), /Goodbye, and thanks for calling!/);
    await shot("07c-accepted-new-output");
    expect(errors).toEqual([]);
  });

  it("keeps an edit made just before a reload in the browser, offers it back, and forgets it once saved", async () => {
    const flowId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const localCopy = () => page.evaluate((key) => window.localStorage.getItem(key), `voxchart:unsaved:${flowId}`);
    await page.click("[data-testid=tab-inspect]");
    await node("goodbye").locator("header").click();
    await field("message").fill("Written a moment before the reload");
    // Reload before the local copy's debounce or the server save ran: pagehide must write it.
    const leave = (dialog: Dialog) => void dialog.accept(); // the "unsaved changes" prompt
    page.on("dialog", leave);
    await page.reload({ waitUntil: "load" });
    page.off("dialog", leave);

    await page.locator("[data-testid=unsaved-backup]").waitFor({ timeout: 60_000 });
    expect(await localCopy()).toContain("Written a moment before the reload");
    await page.click("[data-testid=restore-backup]");
    await expectText(node("goodbye"), /Written a moment before the reload/);
    await expectText(page.locator("[data-testid=save-state]"), /^Saved$/);
    await expect.poll(localCopy).toBeNull();
    expect(errors).toEqual([]);
  });
});
