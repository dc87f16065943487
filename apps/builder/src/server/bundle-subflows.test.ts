import { describe, expect, it } from "vitest";
import { compileFlow, FlowSchema } from "@voxchart/flow";
import { AppError } from "./app-error";
import { bundleSubflows } from "./bundle-subflows";

const flow = (id: string, calls: string[] = []) => ({
  schemaVersion: 1,
  id,
  name: id,
  start: calls.length ? "call0" : "bye",
  nodes: [...calls.map((ref, i) => ({ id: `call${i}`, kind: "subflow", flow: ref })), { id: "bye", kind: "end", message: `${id} done.` }],
  edges: calls.map((_, i) => ({ id: `e${i}`, from: `call${i}`, to: i + 1 < calls.length ? `call${i + 1}` : "bye", trigger: { type: "always" } })),
});

const store = (flows: Record<string, Record<string, unknown>>) => async (ref: string) => flows[ref] ?? null;

describe("bundleSubflows", () => {
  it("embeds every flow called, through other subflows too, by the reference the nodes use", async () => {
    const flows = { "id-b": flow("b", ["id-c"]), "id-c": flow("c") };
    const bundle = await bundleSubflows(flow("a", ["id-b"]), store(flows));
    expect(Object.keys(bundle.subflows as object).sort()).toEqual(["id-b", "id-c"]);
    // The bundle compiles with no resolver at all: what the runtime and the CLI get.
    const compiled = compileFlow(FlowSchema.parse(bundle));
    expect(compiled.ok).toBe(true);
  });

  it("returns a flow that calls nothing as it is", async () => {
    const document = flow("a");
    expect(await bundleSubflows(document, store({}))).toBe(document);
  });

  it("names the node whose subflow is not a flow in the builder", async () => {
    const error = await bundleSubflows(flow("a", ["gone"]), store({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid-flow");
    expect((error as AppError).message).toContain('Subflow node "call0" of a calls "gone"');
  });

  it("keeps subflows already embedded (an imported bundle) and lifts a child's own to the root", async () => {
    const imported = { ...flow("a", ["x", "id-b"]), subflows: { x: flow("x") } };
    const child = { ...flow("b", ["y"]), subflows: { y: flow("y") } };
    const bundle = await bundleSubflows(imported, store({ "id-b": child }));
    expect(Object.keys(bundle.subflows as object).sort()).toEqual(["id-b", "x", "y"]);
    expect((bundle.subflows as Record<string, Record<string, unknown>>)["id-b"]?.subflows).toBeUndefined();
    expect(compileFlow(FlowSchema.parse(bundle)).ok).toBe(true);
  });
});
