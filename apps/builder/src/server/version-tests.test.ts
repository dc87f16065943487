import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// A fresh SQLite file seeded with the examples, whose test files become the flows' test cases.
const dir = mkdtempSync(path.join(tmpdir(), "vx-version-tests-"));
process.env.VOXCHART_DB = path.join(dir, "test.db");
process.env.VOXCHART_EXAMPLES_DIR = path.resolve(__dirname, "../../../../examples");

const store = await import("./store");
const { listVersionsWithTests, publishAndTest } = await import("./version-tests");
const { deployFlow } = await import("./deploy");
const { AppError } = await import("./app-error");

const restaurant = (await store.listFlows()).find((f) => f.name.startsWith("Trattoria Roma"));
if (!restaurant) throw new Error("the restaurant example was not seeded");
const UNREACHABLE = "http://127.0.0.1:9"; // nothing listens: reaching it is a runtime-error

/** Changes the greeting in the draft, so the seeded test cases that expect it fail. */
async function breakGreeting(): Promise<void> {
  const flow = await store.getFlow(restaurant!.id);
  const doc = structuredClone(flow.document) as { nodes: { id: string; text?: string }[] };
  const greet = doc.nodes.find((n) => n.id === "greet");
  if (greet) greet.text = "Ciao!";
  await store.saveDraft(flow.id, flow.draftRevision, doc);
}

describe("test cases gate versions and deploys", () => {
  afterAll(async () => (await store.database()).close());

  it("runs the test cases when a version is published, and lists the run with the version", async () => {
    const v1 = await publishAndTest(restaurant.id, "first");
    expect(v1.tests).toMatchObject({ failed: 0 });
    expect(v1.tests?.passed).toBeGreaterThanOrEqual(5);
    const [listed] = await listVersionsWithTests(restaurant.id);
    expect(listed).toMatchObject({ id: v1.id, tests: { passed: v1.tests?.passed, failed: 0 } });
  });

  it("runs a caller's cases on the version's embedded subflows (the clinic calls its identity check)", async () => {
    const clinic = (await store.listFlows()).find((f) => f.name.startsWith("Riverside Clinic"));
    if (!clinic) throw new Error("the clinic example was not seeded");
    const v1 = await publishAndTest(clinic.id, "first");
    expect(v1.calls.map((c) => c.pinned)).toEqual([true]);
    expect(v1.tests).toMatchObject({ failed: 0, failures: [] });
    expect(v1.tests?.passed).toBeGreaterThanOrEqual(5);
  });

  it("refuses to deploy a draft whose test cases fail, naming the first failure, before contacting the runtime", async () => {
    await breakGreeting();
    const refused = await deployFlow(restaurant.id, UNREACHABLE).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "tests-failed", status: 409 });
    expect((refused as Error).message).toMatch(/^The draft fails \d+ of \d+ test cases \(.+: turn 1 \(start\): expected bot to say "Welcome to Trattoria Roma", got "Ciao!.*\)\. Fix them, or deploy anyway\.$/);
  });

  it("deploys anyway when asked: the runtime is contacted (here unreachable, so nothing is published)", async () => {
    const failed = await deployFlow(restaurant.id, UNREACHABLE, undefined, true).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: "runtime-error" });
    expect((await listVersionsWithTests(restaurant.id)).map((v) => v.note)).toEqual(["first"]);
  });

  it("records a failing run against a version published with failing tests", async () => {
    const v2 = await publishAndTest(restaurant.id, "greeting changed");
    expect(v2.tests?.failed).toBeGreaterThan(0);
    expect(v2.tests?.failures[0]).toMatch(/expected bot to say "Welcome to Trattoria Roma"/);
  });
});
