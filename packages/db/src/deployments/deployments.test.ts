import { expect, it } from "vitest";
import { describeForEachDatabase } from "../testing/database-fixture";
import { errorOf } from "../testing/error-of";

describeForEachDatabase("deployments", ({ db, clock }) => {
  async function flowWithTwoVersions() {
    const flow = await db().flows.create({ name: "F", document: { v: 1 } });
    const v1 = await db().versions.publish({ flowId: flow.id });
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { v: 2 } });
    const v2 = await db().versions.publish({ flowId: flow.id });
    return { flow, v1, v2 };
  }

  it("deploys a version to production by default and finds it as the active deployment", async () => {
    const { flow, v1 } = await flowWithTwoVersions();
    const d = await db().deployments.create({ flowId: flow.id, versionId: v1.id, runtimeUrl: "ws://localhost:8765/ws" });
    expect(d).toMatchObject({ name: "production", status: "active", versionId: v1.id, runtimeUrl: "ws://localhost:8765/ws" });
    expect(await db().deployments.getActive({ flowId: flow.id })).toEqual(d);
    expect(await db().deployments.getActive({ flowId: flow.id, name: "staging" })).toBeNull();
  });

  it("supersedes the previous active deployment of the same environment only", async () => {
    const { flow, v1, v2 } = await flowWithTwoVersions();
    const prod1 = await db().deployments.create({ flowId: flow.id, versionId: v1.id });
    const staging = await db().deployments.create({ flowId: flow.id, versionId: v1.id, name: "staging" });
    clock.advance(1000);
    const prod2 = await db().deployments.create({ flowId: flow.id, versionId: v2.id });
    expect((await db().deployments.getActive({ flowId: flow.id }))?.id).toBe(prod2.id);
    expect((await db().deployments.getActive({ flowId: flow.id, name: "staging" }))?.id).toBe(staging.id);
    const list = await db().deployments.list(flow.id);
    expect(list[0]?.id).toBe(prod2.id);
    expect(list.find((d) => d.id === prod1.id)?.status).toBe("superseded");
  });

  it("publishes the draft and deploys it in one step, superseding the active deployment", async () => {
    const { flow, v1 } = await flowWithTwoVersions();
    const before = await db().deployments.create({ flowId: flow.id, versionId: v1.id });
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 2, document: { v: 3 } });
    const r = await db().deployments.publishAndDeploy({ flowId: flow.id, expectedRevision: 3, runtimeUrl: "http://127.0.0.1:7860" });
    expect(r.reused).toBe(false);
    expect(r.version.number).toBe(3);
    expect(r.deployment).toMatchObject({ versionId: r.version.id, status: "active", runtimeUrl: "http://127.0.0.1:7860" });
    expect((await db().deployments.list(flow.id)).find((d) => d.id === before.id)?.status).toBe("superseded");
  });

  it("deploys the identical published version instead of publishing it again", async () => {
    const { flow, v2 } = await flowWithTwoVersions();
    const r = await db().deployments.publishAndDeploy({ flowId: flow.id });
    expect(r.reused).toBe(true);
    expect(r.version.id).toBe(v2.id);
    expect((await db().versions.list(flow.id)).length).toBe(2);
    expect((await db().deployments.getActive({ flowId: flow.id }))?.versionId).toBe(v2.id);
  });

  it("publishes and deploys a given document, or reuses the version that stores the same one", async () => {
    const { flow } = await flowWithTwoVersions();
    const bundle = { v: 2, subflows: { child: { c: 1 } } };
    const r = await db().deployments.publishAndDeploy({ flowId: flow.id, expectedRevision: 2, document: bundle });
    expect(r.reused).toBe(false);
    expect(r.version).toMatchObject({ number: 3, document: bundle });
    const again = await db().deployments.publishAndDeploy({ flowId: flow.id, expectedRevision: 2, document: bundle });
    expect(again.reused).toBe(true);
    expect(again.version.id).toBe(r.version.id);
    const stale = await errorOf(db().deployments.publishAndDeploy({ flowId: flow.id, expectedRevision: 1, document: bundle }));
    expect(stale.code).toBe("conflict");
    expect((await db().versions.list(flow.id)).length).toBe(3);
  });

  it("writes nothing when the draft was saved since the revision given", async () => {
    const { flow } = await flowWithTwoVersions();
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 2, document: { v: 3 } });
    const error = await errorOf(db().deployments.publishAndDeploy({ flowId: flow.id, expectedRevision: 2 }));
    expect(error.code).toBe("conflict");
    expect((await db().versions.list(flow.id)).length).toBe(2);
    expect(await db().deployments.list(flow.id)).toEqual([]);
  });

  it("stops a deployment, leaving the environment without an active one", async () => {
    const { flow, v1 } = await flowWithTwoVersions();
    const d = await db().deployments.create({ flowId: flow.id, versionId: v1.id });
    expect((await db().deployments.stop(d.id)).status).toBe("stopped");
    expect(await db().deployments.getActive({ flowId: flow.id })).toBeNull();
    expect((await errorOf(db().deployments.stop("missing"))).code).toBe("not-found");
  });

  it("refuses a version of another flow, and invalid environment names", async () => {
    const { v1 } = await flowWithTwoVersions();
    const other = await db().flows.create({ name: "Other" });
    expect((await errorOf(db().deployments.create({ flowId: other.id, versionId: v1.id }))).code).toBe("not-found");
    expect((await errorOf(db().deployments.create({ flowId: other.id, versionId: v1.id, name: "no spaces" }))).code).toBe(
      "invalid-input",
    );
  });
});
