import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../clock/virtual-clock";
import type { DialogueEmitted } from "./dialogue-track";
import { createDialogueTrack } from "./dialogue-track";

const allow = { mode: "allow" } as const;

function track(settings: Parameters<typeof createDialogueTrack>[1] = {}) {
  const clock = createVirtualClock(0);
  const dialogue = createDialogueTrack(clock, settings);
  const emitted: (DialogueEmitted & { at: number })[] = [];
  for (const type of ["noInput", "filler", "backchannel", "interrupt", "resume"] as const) dialogue.on(type, (e) => emitted.push({ ...e, at: clock.now() }));
  dialogue.start();
  return { clock, dialogue, emitted };
}

/** Brings a fresh track to `listening` with the flow waiting for the user. */
function listening(settings: Parameters<typeof createDialogueTrack>[1] = {}) {
  const t = track(settings);
  t.dialogue.send({ type: "TASK_IDLE" });
  return t;
}

describe("dialogue track", () => {
  it("starts thinking and listens once the task waits for the user", () => {
    const { dialogue } = track();
    expect(dialogue.state()).toBe("thinking");
    dialogue.send({ type: "TASK_IDLE" });
    expect(dialogue.state()).toBe("listening");
  });

  it("speaks a filler when no speech comes within the budget after the user's turn", async () => {
    const { clock, dialogue, emitted } = listening({ latencyBudgetMs: 300 });
    dialogue.send({ type: "USER_TURN_ENDED", sinceSpeechEndMs: 100 });
    expect(dialogue.state()).toBe("thinking");
    await clock.advance(199);
    expect(emitted).toEqual([]);
    await clock.advance(1);
    // The budget counts from the end of the user's speech: 100 ms were already spent.
    expect(emitted).toEqual([{ type: "filler", at: 200 }]);
  });

  it("speaks no filler when the answer starts within the budget", async () => {
    const { clock, dialogue, emitted } = listening({ latencyBudgetMs: 300 });
    dialogue.send({ type: "USER_TURN_ENDED" });
    await clock.advance(100);
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t1", bargeIn: allow, at: clock.now() });
    await clock.advance(1000);
    expect(emitted).toEqual([]);
    expect(dialogue.state()).toBe("speaking");
  });

  it("speaks no filler while thinking about its own opening (no user turn to answer)", async () => {
    const { clock, emitted } = track({ latencyBudgetMs: 300 });
    await clock.advance(1000);
    expect(emitted).toEqual([]);
  });

  it("reports no input after the timeout, again and again while the user stays silent", async () => {
    const { clock, emitted } = listening({ noInputTimeoutMs: 1000 });
    await clock.advance(2500);
    expect(emitted).toEqual([
      { type: "noInput", at: 1000 },
      { type: "noInput", at: 2000 },
    ]);
  });

  it("restarts the no-input timer when the task becomes idle again", async () => {
    const { clock, dialogue, emitted } = listening({ noInputTimeoutMs: 1000 });
    await clock.advance(800);
    dialogue.send({ type: "TASK_IDLE" });
    await clock.advance(800);
    expect(emitted).toEqual([]);
    await clock.advance(200);
    expect(emitted).toEqual([{ type: "noInput", at: 1800 }]);
  });

  it("reports no input only while the task waits for the user", async () => {
    const { clock, dialogue, emitted } = listening({ noInputTimeoutMs: 1000 });
    dialogue.send({ type: "TASK_BUSY" });
    await clock.advance(5000);
    expect(emitted).toEqual([]);
  });

  it("goes from speaking to listening when its own answer has played and the task is idle", () => {
    const { dialogue } = listening();
    dialogue.send({ type: "USER_TURN_ENDED" });
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t1", bargeIn: allow, at: 0 });
    dialogue.send({ type: "TASK_IDLE" });
    dialogue.send({ type: "BOT_PLAYBACK_DONE", turnId: "t0" });
    expect(dialogue.state()).toBe("speaking");
    dialogue.send({ type: "BOT_PLAYBACK_DONE", turnId: "t1" });
    expect(dialogue.state()).toBe("listening");
  });

  it("goes back to thinking when the answer has played but the task is still working", () => {
    const { dialogue } = listening();
    dialogue.send({ type: "USER_TURN_ENDED" });
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t1", bargeIn: allow, at: 0 });
    dialogue.send({ type: "BOT_PLAYBACK_DONE", turnId: "t1" });
    expect(dialogue.state()).toBe("thinking");
  });

  it("lets the user barge in when the policy allows it, and tells which turn was cut", () => {
    const { dialogue, emitted } = listening();
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t7", bargeIn: allow, at: 0 });
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 10 });
    expect(dialogue.state()).toBe("interrupted");
    expect(emitted).toEqual([{ type: "interrupt", turnId: "t7", at: 0 }]);
  });

  it("ignores speech over text whose policy is ignore", () => {
    const { dialogue, emitted } = listening();
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t1", bargeIn: { mode: "ignore" }, at: 0 });
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 10 });
    expect(dialogue.state()).toBe("speaking");
    expect(emitted).toEqual([]);
  });

  it("allows barge-in only after the given time into the part that is playing", () => {
    const { dialogue, emitted } = listening();
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t1", bargeIn: allow, at: 0 });
    const after = { mode: "after", afterMs: 500 } as const;
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 900, bargeIn: after, partStartedAt: 600 });
    expect(dialogue.state()).toBe("speaking");
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 1100, bargeIn: after, partStartedAt: 600 });
    expect(dialogue.state()).toBe("interrupted");
    expect(emitted.map((e) => e.type)).toEqual(["interrupt"]);
  });

  it("resumes the cut answer after a false interruption", () => {
    const { dialogue, emitted } = listening();
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t1", bargeIn: allow, at: 0 });
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 10 });
    dialogue.send({ type: "USER_SPEECH_STOPPED" });
    dialogue.send({ type: "FALSE_INTERRUPTION" });
    expect(dialogue.state()).toBe("speaking");
    expect(emitted.map((e) => e.type)).toEqual(["interrupt", "resume"]);
  });

  it("answers a real interruption: thinking, with the filler budget running", async () => {
    const { clock, dialogue, emitted } = listening({ latencyBudgetMs: 300 });
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t1", bargeIn: allow, at: 0 });
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 0 });
    dialogue.send({ type: "USER_TURN_ENDED" });
    expect(dialogue.state()).toBe("thinking");
    await clock.advance(300);
    expect(emitted.map((e) => e.type)).toEqual(["interrupt", "filler"]);
  });

  it("backchannels during a long user turn when the node allows it", async () => {
    const { clock, dialogue, emitted } = listening({ backchannels: true, backchannelIntervalMs: 1000 });
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 0 });
    await clock.advance(2500);
    expect(emitted).toEqual([
      { type: "backchannel", at: 1000 },
      { type: "backchannel", at: 2000 },
    ]);
    dialogue.send({ type: "USER_SPEECH_STOPPED" });
    await clock.advance(2500);
    expect(emitted).toHaveLength(2);
  });

  it("applies the active node's settings to the next timer", async () => {
    const { clock, dialogue, emitted } = listening({ noInputTimeoutMs: 1000 });
    dialogue.send({ type: "SETTINGS", settings: { noInputTimeoutMs: 3000 } });
    dialogue.send({ type: "TASK_IDLE" });
    await clock.advance(2999);
    expect(emitted).toEqual([]);
    await clock.advance(1);
    expect(emitted).toEqual([{ type: "noInput", at: 3000 }]);
  });

  it("handles an event sent from a handler after the one being handled, in order", () => {
    const { dialogue } = listening();
    const seen: string[] = [];
    dialogue.on("interrupt", () => {
      seen.push(`interrupt in ${dialogue.state()}`);
      dialogue.send({ type: "USER_TURN_ENDED" });
      seen.push(`after send in ${dialogue.state()}`);
    });
    dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: "t1", bargeIn: allow, at: 0 });
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 0 });
    expect(seen).toEqual(["interrupt in interrupted", "after send in interrupted"]);
    expect(dialogue.state()).toBe("thinking");
  });

  it("ends for good: no timers, no transitions after TASK_DONE", async () => {
    const { clock, dialogue, emitted } = listening({ noInputTimeoutMs: 1000 });
    dialogue.send({ type: "TASK_DONE" });
    expect(dialogue.state()).toBe("ended");
    dialogue.send({ type: "USER_SPEECH_STARTED", at: 0 });
    await clock.advance(5000);
    expect(dialogue.state()).toBe("ended");
    expect(emitted).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("stops: its timers are cancelled", async () => {
    const { clock, dialogue, emitted } = listening({ noInputTimeoutMs: 1000 });
    dialogue.stop();
    await clock.advance(5000);
    expect(emitted).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });
});
