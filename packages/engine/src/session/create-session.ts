import { createActor } from "xstate";
import type { CompiledFlow, CompiledNode, FlowEmitted, FlowEvent, JsonValue } from "@voxchart/flow";
import type { SessionClock } from "../clock/clock";
import { createRealClock } from "../clock/clock";
import type { GenerationPort, ChatMessage } from "../ports/generation";
import type { UnderstandingPort, UnderstandResult } from "../ports/understanding";
import type { ToolRegistry } from "../ports/tools";
import { createLocalUnderstanding, validateSlotValue } from "../understanding";
import { createLocalGeneration } from "../generation/local-generation";
import { runTool } from "../tools/run-tool";
import { LazyAbort } from "../cancel/lazy-abort";
import { createDialogueTrack } from "./dialogue-track";
import type { DialogueState } from "./dialogue-track";
import type { SessionInput, SessionOutput, TurnMetrics } from "./events";
import { parseSessionInput } from "./events";
import { createFillerPicker } from "./filler-picker";
import { createSpeechTimeline, joinSpeech } from "./speech-timeline";
import type { SpeechTimeline } from "./speech-timeline";
import type { SessionSnapshot, TranscriptEntry } from "./session-snapshot";
import { isFalseInterruption, sameUtterance } from "./utterances";
import { overBudget } from "./budgets";

export interface SessionOptions {
  understanding?: UnderstandingPort;
  generation?: GenerationPort;
  tools?: ToolRegistry;
  clock?: SessionClock;
  /**
   * "estimated": the session assumes speech plays at `speechMsPerChar` (text simulation);
   * "reported": the runtime reports playback with playback.* events.
   */
  playback?: "estimated" | "reported";
  speechMsPerChar?: number;
  sessionId?: string;
  /** Resume from a persisted snapshot instead of starting at the flow's start node. */
  restore?: SessionSnapshot;
  fetch?: typeof fetch;
  backchannelIntervalMs?: number;
  /**
   * Early endpointing: speech that starts within this many ms of the previous final transcript,
   * cutting off (or coming before) the answer to it, continues that utterance instead of starting
   * a new turn. 0 turns this off.
   */
  continuationWindowMs?: number;
  /** Whether the dialogue track may speak latency-hiding fillers (the runtime's lower tiers turn them off). */
  fillers?: boolean;
}

export type SessionListener = (output: SessionOutput) => void;

export interface SessionState {
  nodeId: string;
  variables: Readonly<Record<string, JsonValue>>;
  status: "active" | "done";
  dialogue: DialogueState;
}

export interface Session {
  readonly id: string;
  readonly compiled: CompiledFlow;
  start(): void;
  send(input: SessionInput): void;
  on(listener: SessionListener): () => void;
  state(): SessionState;
  transcript(): readonly TranscriptEntry[];
  history(): readonly ChatMessage[];
  snapshot(): SessionSnapshot;
  /** Resolves once the task track has settled: no understanding, model, tool or queued speech in flight. */
  whenIdle(): Promise<void>;
  isIdle(): boolean;
  stop(): void;
}

interface Response {
  turnId: string;
  nodeId: string;
  started: boolean;
  text: string;
  metrics: TurnMetrics;
  /** Speech held back while a filler plays, so the answer neither overlaps it nor leaves a gap. */
  pending: string[];
  heldUntil: number;
  flushTimer: unknown;
  generation: LazyAbort | null;
  /** Set when the response starts speaking (a field from the start, so every response has one shape). */
  timeline: SpeechTimeline | null;
}

/** A response that has started speaking. */
type SpeakingResponse = Response & { timeline: SpeechTimeline };

const BACKCHANNELS = ["mm-hmm", "okay", "right"];

/**
 * The intents a node listens for, as one array per compiled node shared by every session of the
 * flow: understanding caches its intent index by the array's identity, so the index is built once
 * per node, not once per session.
 */
const candidateCache = new WeakMap<CompiledNode, CompiledNode["exits"]>();
function candidates(node: CompiledNode): CompiledNode["exits"] {
  let list = candidateCache.get(node);
  if (!list) {
    list = [...node.exits, ...node.globals];
    candidateCache.set(node, list);
  }
  return list;
}
let sessionCounter = 0;

function newIdleWaiter(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export function createSession(compiled: CompiledFlow, options: SessionOptions = {}): Session {
  const clock = options.clock ?? createRealClock();
  const understanding = options.understanding ?? createLocalUnderstanding();
  const generation = options.generation ?? createLocalGeneration({ now: () => new Date(clock.now()) });
  const tools = options.tools ?? {};
  const reported = options.playback === "reported";
  const msPerChar = options.speechMsPerChar ?? 65;
  const id = options.sessionId ?? options.restore?.sessionId ?? `s${++sessionCounter}`;
  const settings = compiled.flow.settings;

  const listeners = new Set<SessionListener>();
  /**
   * What whenIdle() callers wait on: one promise for every caller until the session is next idle
   * (the virtual clock asks after every timer it fires while work is in flight).
   */
  let idleWaiter: { promise: Promise<void>; resolve: () => void } | null = null;
  const transcript: TranscriptEntry[] = [...(options.restore?.transcript ?? [])];
  const history: ChatMessage[] = [...(options.restore?.history ?? [])];
  let turnCounter = options.restore?.turnCounter ?? 0;
  let busy = 0;
  /** Mirrors of what the dialogue track was last told, so unchanged facts are not sent again. */
  let taskIdleSent = false;
  let settingsSent: CompiledNode["settings"] | null = null;
  let started = false;
  let stopped = false;
  let ended = false;
  let response: Response | null = null;
  /** The last response that produced speech; barge-in and playback refer to it. */
  let speaking: SpeakingResponse | null = null;
  let heardReported = new Map<string, string>();
  let interruptedRemainder: { text: string; nodeId: string } | null = null;
  /** An answer cut by barge-in while its model was still generating. */
  let paused: Response | null = null;
  let speechStoppedAt: number | null = null;
  let speculative: { text: string; result: Promise<UnderstandResult> } | null = null;
  let progressMessage: string | null = null;
  const queuedTurns: { text: string; endedAt: number }[] = [];
  const continuationWindowMs = options.continuationWindowMs ?? 1200;
  let speechStartedAt: number | null = null;
  /** The last user turn, as it was before it ran, so an utterance cut in two can be rejoined. */
  let lastTurn: {
    text: string;
    finalAt: number;
    turnId: string;
    before: { task: unknown; transcript: number; history: number };
    sideEffects: boolean;
  } | null = null;
  const fillers = createFillerPicker(settings.fillerCooldownMs);
  /** Tools still running, cancelled when the session stops. */
  const runningTools = new Set<LazyAbort>();
  const toolOptions = { tools, clock, ...(options.fetch ? { fetch: options.fetch } : {}) };
  let backchannelRotation = 0;

  const createFlowActor = (snapshot?: unknown) => {
    const actor = createActor(compiled.machine, { clock, input: { now: clock.now() }, ...(snapshot ? { snapshot: snapshot as never } : {}) });
    actor.on("*", (e) => onFlowEmitted(e as FlowEmitted));
    return actor;
  };
  let flow = createFlowActor(options.restore?.task);
  const dialogue = createDialogueTrack(clock, {
    latencyBudgetMs: settings.latencyBudgetMs,
    noInputTimeoutMs: settings.noInputTimeoutMs,
    backchannels: settings.backchannels,
    ...(options.backchannelIntervalMs ? { backchannelIntervalMs: options.backchannelIntervalMs } : {}),
  });

  const emit = (output: SessionOutput) => {
    for (const listener of listeners) listener(output);
  };
  const context = () => flow.getSnapshot().context;
  const currentNode = (): CompiledNode | null => (context().nodeId ? compiled.node(context().nodeId) : null);
  const waitsForInput = () => !ended && (currentNode()?.waitsForInput ?? false);

  // ---------------------------------------------------------------- responses and speech

  function newResponse(nodeId: string, userEndedAt?: number, finalAt?: number): Response {
    const turnId = `t${++turnCounter}`;
    const metrics: TurnMetrics = { turnId, nodeId, overBudget: [] };
    if (userEndedAt !== undefined) metrics.userSpeechEndedAt = userEndedAt;
    if (finalAt !== undefined) metrics.finalTranscriptAt = finalAt;
    response = { turnId, nodeId, started: false, text: "", metrics, pending: [], heldUntil: 0, flushTimer: null, generation: null, timeline: null };
    return response;
  }

  function speak(text: string, nodeId: string) {
    if (!text) return;
    if (paused && response === paused && interruptedRemainder) {
      interruptedRemainder.text = joinSpeech(interruptedRemainder.text, text);
      return;
    }
    const r = response ?? newResponse(nodeId);
    const now = clock.now();
    if (r.heldUntil > now || r.pending.length) {
      r.pending.push(text);
      // Reported playback flushes on the filler's playback.done; the timer is a fallback should it never come.
      if (!r.flushTimer) r.flushTimer = clock.setTimeout(() => flushPending(r), reported ? (r.heldUntil - now) * 2 + 500 : r.heldUntil - now);
      return;
    }
    emitChunk(r, text, nodeId);
  }

  function flushPending(r: Response) {
    r.flushTimer = null;
    r.heldUntil = 0;
    const texts = r.pending.splice(0);
    for (const t of texts) emitChunk(r, t, r.nodeId);
    settleIfIdle();
  }

  function emitChunk(r: Response, text: string, nodeId: string) {
    const now = clock.now();
    if (!r.started) {
      r.started = true;
      r.metrics.firstSpeechAt = now;
      const timeline = createSpeechTimeline(msPerChar);
      timeline.reset(now);
      r.timeline = timeline;
      speaking = r as SpeakingResponse;
      emit({ type: "speech.start", turnId: r.turnId, nodeId, at: now });
      dialogue.send({ type: "BOT_SPEECH_STARTED", turnId: r.turnId, bargeIn: compiled.node(nodeId).settings.bargeIn, at: now });
    }
    // Chunks carry their own separator, so consumers can concatenate them as they come.
    const piece = r.text && !/\s$/.test(r.text) && !/^\s/.test(text) ? ` ${text}` : text;
    speaking?.timeline.append(piece, nodeId, now);
    r.text += piece;
    emit({ type: "speech.chunk", turnId: r.turnId, text: piece, at: now });
  }

  function finishResponse() {
    const r = response;
    if (!r || r.pending.length || r === paused) return;
    response = null;
    const now = clock.now();
    if (r.started) {
      const text = r.text.trim();
      history.push({ role: "assistant", content: text });
      transcript.push({ role: "assistant", text, nodeId: r.nodeId, at: r.metrics.firstSpeechAt ?? now, turnId: r.turnId });
      emit({ type: "speech.end", turnId: r.turnId, at: now, interrupted: false });
      if (!reported && speaking?.turnId === r.turnId) {
        const turnId = r.turnId;
        clock.setTimeout(() => playbackDone(turnId), Math.max(0, speaking.timeline.endsAt - now));
      }
    }
    const node = compiled.nodes.get(r.nodeId);
    r.metrics.overBudget = overBudget(r.metrics, node?.settings.budgets ?? {});
    emit({ type: "turn.metrics", metrics: { ...r.metrics } });
  }

  function playbackDone(turnId: string) {
    dialogue.send({ type: "BOT_PLAYBACK_DONE", turnId });
  }

  // ---------------------------------------------------------------- the task track

  function track<T>(work: Promise<T>): void {
    busy++;
    if (taskIdleSent) {
      taskIdleSent = false;
      dialogue.send({ type: "TASK_BUSY" });
    }
    work
      .catch((error: unknown) => {
        emit({ type: "error", category: "internal", message: error instanceof Error ? error.message : String(error), recoverable: true, at: clock.now() });
      })
      .finally(() => {
        busy--;
        settleIfIdle();
      });
  }

  /** No task work, held speech or queued turn left. */
  function isIdle(): boolean {
    return busy === 0 && !(response && response.pending.length) && queuedTurns.length === 0;
  }

  function settleIfIdle() {
    if (busy > 0 || (response && response.pending.length)) return;
    finishResponse();
    if (ended) dialogue.send({ type: "TASK_DONE" });
    else if (waitsForInput() && !taskIdleSent) {
      taskIdleSent = true;
      dialogue.send({ type: "TASK_IDLE" });
    }
    const next = queuedTurns.shift();
    if (next && !ended) {
      userTurn(next.text, next.endedAt);
      return;
    }
    const waiter = idleWaiter;
    idleWaiter = null;
    waiter?.resolve();
  }

  /** Flow events carry the session time; callers build them with `now` rather than copying each one here. */
  function sendToFlow(event: FlowEvent & { now: number }) {
    flow.send(event);
  }

  function onFlowEmitted(e: FlowEmitted) {
    const now = clock.now();
    switch (e.type) {
      case "enter": {
        const node = compiled.node(e.nodeId);
        progressMessage = null;
        const sent = settingsSent;
        const next = node.settings;
        if (!sent || sent.latencyBudgetMs !== next.latencyBudgetMs || sent.noInputTimeoutMs !== next.noInputTimeoutMs || sent.backchannels !== next.backchannels) {
          settingsSent = next;
          dialogue.send({
            type: "SETTINGS",
            settings: { latencyBudgetMs: next.latencyBudgetMs, noInputTimeoutMs: next.noInputTimeoutMs, backchannels: next.backchannels },
          });
        }
        // The flow's context is immutable (every update makes new objects), so its variables are shared, not copied.
        emit({ type: "state.changed", nodeId: e.nodeId, previousNodeId: e.previousNodeId, variables: compiled.variables(e.nodeId, context()), at: now });
        return;
      }
      case "say":
        speak(e.text, e.nodeId);
        return;
      case "edge":
        emit({ type: "trace", kind: "edge", id: e.edgeId, at: now });
        return;
      case "global":
        emit({ type: "trace", kind: "global", id: e.handlerId, at: now });
        return;
      case "tool": {
        // A tool may change the world: the turn that called it can no longer be redone.
        if (lastTurn) lastTurn.sideEffects = true;
        progressMessage = e.progressMessage;
        const startedAt = now;
        emit({ type: "tool.started", nodeId: e.nodeId, name: e.name, args: e.args, at: now });
        const cancel = new LazyAbort();
        runningTools.add(cancel);
        track(
          runTool(e, toolOptions, cancel).then((outcome) => {
            runningTools.delete(cancel);
            if (ended) return;
            const result: JsonValue = outcome.ok ? outcome.result : outcome.error;
            emit({ type: "tool.finished", nodeId: e.nodeId, name: e.name, ok: outcome.ok, result, at: clock.now() });
            const budget = compiled.node(e.nodeId).settings.budgets.toolMs;
            if (response && budget !== undefined && clock.now() - startedAt > budget) response.metrics.overBudget.push("toolMs");
            sendToFlow({ type: "TOOL_RESULT", ok: outcome.ok, result, now: clock.now() });
          }),
        );
        return;
      }
      case "generate":
        track(generate(compiled.node(e.nodeId)));
        return;
      case "transfer":
        ended = true;
        emit({ type: "transfer", target: e.target, ...(e.handoff ? { handoff: e.handoff } : {}), at: now });
        return;
      case "end":
        ended = true;
        emit({ type: "end", ...(e.outcome ? { outcome: e.outcome } : {}), at: now });
        return;
    }
  }

  async function understandAndSend(text: string, node: CompiledNode, spec: typeof speculative, cut: { text: string; nodeId: string } | null = null) {
    const now = new Date(clock.now());
    let result: UnderstandResult;
    if (spec && sameUtterance(spec.text, text)) {
      result = await spec.result;
      if (response) response.metrics.speculative = "committed";
    } else {
      if (spec && response) response.metrics.speculative = "discarded";
      const focus = node.slots.find((s) => s.required && (compiled.variables(node.id, context())[s.name] ?? null) === null);
      result = await understanding.understand({
        text,
        intents: candidates(node),
        slots: node.slots,
        expectConfirmation: flow.getSnapshot().hasTag("confirming"),
        ...(focus ? { focusSlot: focus.name } : {}),
        now,
      });
    }
    if (ended) return;
    if (response) response.metrics.understandingDoneAt = clock.now();
    const slots: Record<string, string | number | boolean> = {};
    const invalid: { slot: string; value: string | number | boolean; reason: string }[] = [];
    for (const [name, value] of Object.entries(result.slots)) {
      const slot = node.slots.find((s) => s.name === name);
      if (!slot) continue;
      const check = validateSlotValue(slot, value, now);
      if (check.ok) slots[name] = check.value;
      else invalid.push({ slot: name, value, reason: check.reason });
    }
    const meaningless = !result.intent && !Object.keys(slots).length && !invalid.length && !result.confirmation;
    if (cut && meaningless && node.settings.onInterrupt !== "next-turn") {
      // The interruption carried nothing for this node: finish what was cut, or ask again.
      const again = node.settings.onInterrupt === "resume" ? cut.text : (context().question ?? context().lastSaid ?? cut.text);
      speak(again, node.id);
      return;
    }
    sendToFlow({
      type: "INPUT",
      text,
      intent: result.intent ? { name: result.intent.name, arguments: result.intent.arguments } : null,
      slots,
      invalid,
      confirmation: result.confirmation,
      now: clock.now(),
    });
  }

  async function generate(node: CompiledNode) {
    if (node.node.kind !== "conversation") return;
    const r = response ?? newResponse(node.id);
    const cancel = new LazyAbort();
    r.generation = cancel;
    const ctx = { ...context(), now: clock.now() };
    const persona = node.node.role ?? node.flow.settings.persona;
    const system = [persona ? compiled.render(node.id, persona, ctx) : "", compiled.render(node.id, node.node.task, ctx)].filter(Boolean).join("\n\n");
    let text = "";
    for await (const chunk of generation.generate({
      system,
      messages: [...history],
      exits: candidates(node),
      ...(node.node.localReply ? { localReply: compiled.render(node.id, node.node.localReply, ctx) } : {}),
      ...(node.node.model ? { model: node.node.model } : {}),
      ...(node.node.temperature !== undefined ? { temperature: node.node.temperature } : {}),
      // A model that never reads its signal never makes one (the consumer below stops reading instead).
      get signal() {
        return cancel.signal;
      },
    })) {
      if (cancel.aborted || ended) return;
      if (chunk.type === "exit") {
        sendToFlow({ type: "INPUT", text: "", intent: { name: chunk.name, arguments: chunk.arguments }, slots: {}, invalid: [], confirmation: null, now: clock.now() });
        return;
      }
      if (r.metrics.firstTokenAt === undefined) r.metrics.firstTokenAt = clock.now();
      text += chunk.text;
      speak(chunk.text, node.id);
    }
    if (!cancel.aborted) sendToFlow({ type: "REPLY", text: text.trim(), now: clock.now() });
  }

  // ---------------------------------------------------------------- user turns

  /** Whether this utterance continues the previous one (cut in two by early endpointing). */
  function continuesLastTurn(): boolean {
    if (!lastTurn || lastTurn.sideEffects || continuationWindowMs <= 0 || speechStartedAt === null) return false;
    if (speechStartedAt - lastTurn.finalAt > continuationWindowMs) return false;
    // Only if the user has not yet heard the answer to the first part: cut off, or not started.
    const answer = transcript.find((t) => t.turnId === lastTurn?.turnId && t.role === "assistant");
    return !answer || answer.interrupted === true;
  }

  function rejoin(text: string): string {
    const last = lastTurn;
    if (!last) return text;
    paused?.generation?.abort(new Error("continued utterance"));
    paused = null;
    interruptedRemainder = null;
    response?.generation?.abort(new Error("continued utterance"));
    response = null;
    flow.stop();
    flow = createFlowActor(last.before.task);
    flow.start();
    transcript.length = last.before.transcript;
    history.length = last.before.history;
    lastTurn = null;
    return `${last.text} ${text}`;
  }

  function userTurn(text: string, endedAt: number) {
    if (ended) return;
    if (continuesLastTurn()) text = rejoin(text);
    // What the user cut off, for nodes that resume or re-ask when the interruption means nothing.
    const cut = paused ? null : interruptedRemainder;
    if (paused) confirmInterruption();
    if (busy > 0 || (response && response.pending.length)) {
      queuedTurns.push({ text, endedAt });
      return;
    }
    const node = currentNode();
    if (!node) return;
    const now = clock.now();
    const r = newResponse(node.id, endedAt, now);
    // Only spoken turns can be cut by early endpointing; typed ones need no way back.
    lastTurn =
      speechStartedAt !== null && continuationWindowMs > 0
        ? { text, finalAt: now, turnId: r.turnId, before: { task: flow.getPersistedSnapshot(), transcript: transcript.length, history: history.length }, sideEffects: false }
        : null;
    transcript.push({ role: "user", text, nodeId: node.id, at: now, turnId: r.turnId });
    history.push({ role: "user", content: text });
    taskIdleSent = false;
    dialogue.send({ type: "USER_TURN_ENDED", sinceSpeechEndMs: now - endedAt });
    const spec = speculative;
    speculative = null;
    if (node.node.kind === "conversation") track(generate(node));
    else if (node.waitsForInput) track(understandAndSend(text, node, spec, cut));
    else settleIfIdle();
  }

  /**
   * Barge-in: the speech stops at once and the context keeps only what was heard. A model still
   * generating is paused, not aborted, until the user's words show whether this was a real turn
   * (then it is aborted) or a cough or "mm-hmm" (then the answer resumes where it was cut).
   */
  function interrupt(turnId: string) {
    const s = speaking;
    if (!s || s.turnId !== turnId) return;
    const now = clock.now();
    if (s.flushTimer) clock.clearTimeout(s.flushTimer);
    s.flushTimer = null;
    const heard = reported ? (heardReported.get(turnId) ?? "") : s.timeline.heardBy(now);
    const full = s.text.trim();
    const stillGenerating = response === s;
    paused = stillGenerating ? s : null;
    interruptedRemainder = { text: s.text.trimStart().slice(heard.length).trimStart(), nodeId: s.nodeId };
    const lastAssistant = history.map((m) => m.role).lastIndexOf("assistant");
    if (!stillGenerating && lastAssistant >= 0 && history[lastAssistant]?.content === full) history.splice(lastAssistant, 1);
    if (heard) history.push({ role: "assistant", content: heard });
    const entry = [...transcript].reverse().find((t) => t.turnId === turnId && t.role === "assistant");
    if (entry) Object.assign(entry, { text: heard, interrupted: true });
    else transcript.push({ role: "assistant", text: heard, nodeId: s.nodeId, at: s.metrics.firstSpeechAt ?? now, turnId, interrupted: true });
    s.text = "";
    s.pending.length = 0;
    speaking = null;
    emit({ type: "speech.end", turnId, at: now, interrupted: true });
  }

  /** The interruption was a real turn: drop the paused answer and stop its model stream. */
  function confirmInterruption() {
    const p = paused;
    paused = null;
    interruptedRemainder = null;
    if (!p) return;
    p.generation?.abort(new Error("barge-in"));
    if (response === p) {
      response = null;
      emit({ type: "turn.metrics", metrics: { ...p.metrics, overBudget: [...p.metrics.overBudget] } });
    }
  }

  function resume() {
    const rest = interruptedRemainder;
    const p = paused;
    interruptedRemainder = null;
    paused = null;
    if (p && response === p) {
      // Continue the same answer under a new turn id; the model keeps streaming into it.
      p.turnId = `t${++turnCounter}`;
      p.started = false;
      if (rest?.text) emitChunk(p, rest.text, rest.nodeId);
      settleIfIdle();
      return;
    }
    if (!rest?.text) return;
    newResponse(rest.nodeId);
    speak(rest.text, rest.nodeId);
    settleIfIdle();
  }

  // ---------------------------------------------------------------- wiring

  dialogue.on("noInput", () => {
    if (!waitsForInput() || busy > 0) return;
    newResponse(context().nodeId);
    sendToFlow({ type: "NO_INPUT", now: clock.now() });
    settleIfIdle();
  });
  dialogue.on("filler", () => {
    const r = response;
    if (!r || r.started || ended || options.fillers === false) return;
    const node = currentNode();
    const text = fillers.pick({ progressMessage, fillers: node?.settings.fillers ?? settings.fillers }, clock.now());
    if (!text) return;
    const now = clock.now();
    r.metrics.filler = text;
    r.metrics.fillerAt = now;
    r.heldUntil = now + Math.round(text.length * msPerChar);
    transcript.push({ role: "filler", text, nodeId: r.nodeId, at: now, turnId: r.turnId });
    // The filler plays as its own utterance, so its playback is not taken for the answer's.
    emit({ type: "filler", turnId: `${r.turnId}-filler`, text, at: now });
  });
  dialogue.on("backchannel", () => {
    const text = BACKCHANNELS[backchannelRotation++ % BACKCHANNELS.length] as string;
    transcript.push({ role: "backchannel", text, nodeId: context().nodeId, at: clock.now() });
    emit({ type: "backchannel", text, at: clock.now() });
  });
  dialogue.on("interrupt", (e) => interrupt(e.turnId));
  dialogue.on("resume", () => resume());

  return {
    id,
    compiled,
    start() {
      if (started) return;
      started = true;
      dialogue.start();
      if (options.restore) {
        flow.start();
        if (waitsForInput()) {
          taskIdleSent = true;
          dialogue.send({ type: "TASK_IDLE" });
        }
        return;
      }
      newResponse(compiled.flow.start);
      flow.start();
      settleIfIdle();
    },
    send(raw) {
      if (stopped) return; // a finished session ignores late events (playback reports, stray audio)
      const parsed = parseSessionInput(raw);
      if (!parsed.success) {
        emit({ type: "error", category: "internal", message: `bad session input: ${parsed.error.issues[0]?.message ?? "invalid"}`, recoverable: true, at: clock.now() });
        return;
      }
      const input = parsed.data;
      const now = clock.now();
      switch (input.type) {
        case "user.speechStarted": {
          speechStoppedAt = null;
          speechStartedAt = now;
          // The policy of the text playing right now decides whether this speech cuts it.
          const part = speaking?.timeline.partAt(now);
          dialogue.send({
            type: "USER_SPEECH_STARTED",
            at: now,
            ...(part ? { bargeIn: compiled.node(part.nodeId).settings.bargeIn, partStartedAt: part.startsAt } : {}),
          });
          return;
        }
        case "user.speechStopped":
          speechStoppedAt = now;
          dialogue.send({ type: "USER_SPEECH_STOPPED" });
          return;
        case "user.partial": {
          const node = currentNode();
          if (input.stable && node && node.waitsForInput && node.node.kind !== "conversation" && busy === 0 && input.text.trim()) {
            const focus = node.slots.find((s) => s.required && (compiled.variables(node.id, context())[s.name] ?? null) === null);
            speculative = {
              text: input.text,
              result: understanding.understand({
                text: input.text,
                intents: candidates(node),
                slots: node.slots,
                expectConfirmation: flow.getSnapshot().hasTag("confirming"),
                ...(focus ? { focusSlot: focus.name } : {}),
                now: new Date(now),
              }),
            };
          }
          return;
        }
        case "user.final": {
          if (isFalseInterruption(input.text)) {
            speculative = null;
            dialogue.send({ type: "FALSE_INTERRUPTION" });
            return;
          }
          userTurn(input.text, speechStoppedAt ?? now);
          return;
        }
        case "user.text":
          speechStartedAt = null;
          if (speaking && dialogue.state() === "speaking") interrupt(speaking.turnId);
          userTurn(input.text, now);
          return;
        case "playback.started":
          if (speaking?.turnId === input.turnId && speaking.metrics.firstAudioPlayedAt === undefined) speaking.metrics.firstAudioPlayedAt = now;
          return;
        case "playback.progress":
          heardReported.set(input.turnId, input.playedText);
          return;
        case "playback.done": {
          if (response && response.pending.length && input.turnId === `${response.turnId}-filler`) {
            if (response.flushTimer) clock.clearTimeout(response.flushTimer);
            flushPending(response);
          }
          playbackDone(input.turnId);
          heardReported = new Map([...heardReported].filter(([k]) => k !== input.turnId));
          return;
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state() {
      const ctx = context();
      return {
        nodeId: ctx.nodeId,
        variables: ctx.nodeId ? compiled.variables(ctx.nodeId, ctx) : (ctx.scopes[""] ?? {}),
        status: ended || flow.getSnapshot().status === "done" ? "done" : "active",
        dialogue: dialogue.state(),
      };
    },
    transcript: () => transcript,
    history: () => history,
    snapshot() {
      return {
        version: 1,
        sessionId: id,
        flowId: compiled.flow.id,
        task: flow.getPersistedSnapshot(),
        history: [...history],
        transcript: [...transcript],
        turnCounter,
        savedAt: clock.now(),
      };
    },
    isIdle,
    whenIdle() {
      if (isIdle()) return Promise.resolve();
      idleWaiter ??= newIdleWaiter();
      return idleWaiter.promise;
    },
    stop() {
      stopped = true;
      ended = true;
      response?.generation?.abort(new Error("session stopped"));
      for (const tool of runningTools) tool.abort(new Error("session stopped"));
      flow.stop();
      dialogue.stop();
    },
  };
}
