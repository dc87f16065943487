import { describe, expect, it } from "vitest";
import { loadFlow } from "../load/load-flow";
import { coverageTargets } from "./coverage-targets";
import { emptyHits } from "./coverage-tracker";
import { flowCoverage, formatCoverage } from "./flow-coverage";
import { REPO_ROOT } from "../../test/helpers";

describe("coverage", () => {
  it("counts subflow nodes, edges and handlers under their qualified ids", async () => {
    const loaded = await loadFlow("examples/clinic/clinic.flow.json", { cwd: REPO_ROOT });
    if (!loaded.compiled) throw new Error("clinic does not compile");
    const targets = coverageTargets(loaded.compiled);
    expect(targets.nodes).toContain("verify/ask_identity");
    expect(targets.nodes).toContain("verify");
    expect(targets.edges).toContain("verify/identity_given");
    expect(targets.edges).toContain("verify_done");
    expect(targets.globals).toEqual(["human"]);
    expect(targets.nodes).toHaveLength(21);
    expect(targets.edges).toHaveLength(23);
  });

  it("lists what was never reached, in flow order", async () => {
    const loaded = await loadFlow("examples/restaurant/restaurant.flow.json", { cwd: REPO_ROOT });
    if (!loaded.compiled) throw new Error("restaurant does not compile");
    const hits = emptyHits();
    for (const n of ["greet", "ask", "handoff"]) hits.nodes.add(n);
    hits.edges.add("greet_to_ask");
    hits.globals.add("operator");
    const report = flowCoverage("restaurant.flow.json", "restaurant", coverageTargets(loaded.compiled), hits);
    expect(report.nodes).toMatchObject({ covered: 3, total: 13 });
    expect(report.edges).toMatchObject({ covered: 1, total: 16 });
    expect(report.globals).toEqual({ covered: 1, total: 3, missed: ["hours", "goodbye"] });
    const text = formatCoverage([report]);
    expect(text).toContain("globals    1/3    33.3%  never reached: hours, goodbye");
    expect(text).toContain("nodes      3/13   23.0%  never reached: size_check, large_party,");
  });
});
