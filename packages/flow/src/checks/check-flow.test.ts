import { describe, expect, it } from "vitest";
import { hasErrors } from "../diagnostics";
import { FlowSchema } from "../schema";
import { parseFlowDocument } from "../load";
import { checkFlow, comparePaths } from "./check-flow";
import { always, makeFlow, restaurantFlow } from "./test-fixtures";

describe("checkFlow", () => {
  it("finds nothing wrong in a realistic booking flow with globals, a detour and @return", () => {
    const found = checkFlow(FlowSchema.parse(restaurantFlow()));
    expect(found).toEqual([]);
    expect(hasErrors(found)).toBe(false);
  });

  it("finds nothing wrong in the same flow read from JSON text", () => {
    const loaded = parseFlowDocument(JSON.stringify(restaurantFlow(), null, 2), "restaurant.flow.json");
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(checkFlow(loaded.flow, { file: "restaurant.flow.json" })).toEqual([]);
  });

  it("reports each fault of a broken copy of the booking flow where it is", () => {
    const input = restaurantFlow();
    const flow = FlowSchema.parse({
      ...input,
      // the error edge of the tool is gone, and the detour returns from the main path too
      edges: [
        { id: "e_back", from: "check_size", to: "@return", trigger: { type: "condition", when: "party_size > 30" } },
        ...(input.edges ?? []).filter((e) => e.id !== "e_failed"),
      ],
    });
    expect(checkFlow(flow).map((d) => `${d.severity} ${d.code} ${d.nodeId ?? ""} ${d.path}`)).toEqual([
      "error graph/bad-return check_size /edges/0/to",
      "warning graph/dead-end book /nodes/4",
      "warning graph/unreachable failed /nodes/6",
    ]);
  });

  it("sorts by JSON pointer with numeric segments compared as numbers", () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, kind: "say" as const, text: "x" }));
    const found = checkFlow(makeFlow({ nodes }));
    // every node is a dead end, and all but n0 are unreachable
    expect(found.map((d) => d.path)).toEqual(found.map((d) => d.path).sort(comparePaths));
    expect(found.slice(0, 3).map((d) => `${d.path} ${d.code}`)).toEqual([
      "/nodes/0 graph/dead-end",
      "/nodes/1 graph/dead-end",
      "/nodes/1 graph/unreachable",
    ]);
    expect(found[found.length - 1]?.path).toBe("/nodes/11");
  });

  it("stamps the file on every diagnostic when given", () => {
    const flow = makeFlow({ nodes: [{ id: "a", kind: "say", text: "x" }, { id: "b", kind: "end" }, { id: "c", kind: "end" }], edges: [always("e", "a", "b")] });
    expect(checkFlow(flow, { file: "flows/a.flow.json" }).map((d) => d.file)).toEqual(["flows/a.flow.json"]);
  });

  it("orders paths: shorter prefix first, then by segment", () => {
    expect(["/nodes/10", "/edges/2", "/nodes/2/text", "/nodes/2", ""].sort(comparePaths)).toEqual([
      "",
      "/edges/2",
      "/nodes/2",
      "/nodes/2/text",
      "/nodes/10",
    ]);
  });
});
