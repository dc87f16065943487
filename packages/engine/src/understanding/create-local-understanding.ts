import type { UnderstandingPort, UnderstandRequest, UnderstandResult } from "../ports/understanding";
import { extractSlots } from "./extract-slots";
import { matchIntent } from "./match-intent";
import { toTokens } from "./normalize-text";
import type { DateOptions } from "./parse-date";
import type { TimeOptions } from "./parse-time";
import { findYesNo, LEADING_ANSWER } from "./parse-yes-no";
import { abortedError } from "./understanding-error";

export interface LocalUnderstandingOptions extends DateOptions, TimeOptions {
  /** An intent must score strictly above this (0..1). Default 0.5. */
  intentThreshold?: number;
  /** Intents within this score of the best are compared on specificity. Default 0.05. */
  intentTieMargin?: number;
}

/**
 * The embedded default understanding: deterministic, local, no network or key. Intents come
 * from their example utterances, slot values from typed parsers, confirmations from yes/no words.
 */
export function createLocalUnderstanding(options: LocalUnderstandingOptions = {}): UnderstandingPort {
  return {
    name: "local",
    understand: (request) => {
      if (request.signal?.aborted) return Promise.reject(abortedError());
      return Promise.resolve(understandLocally(request, options));
    },
  };
}

/** The synchronous core of the local port (handy for simulation and benchmarks). */
export function understandLocally(request: UnderstandRequest, options: LocalUnderstandingOptions = {}): UnderstandResult {
  const { text, now } = request;
  const matched = matchIntent(text, request.intents, { threshold: options.intentThreshold, tieMargin: options.intentTieMargin });
  const intentDef = matched ? request.intents.find((i) => i.name === matched.name) : undefined;
  const intent = matched
    ? {
        name: matched.name,
        confidence: matched.confidence,
        arguments: intentDef?.arguments?.length ? extractSlots(text, intentDef.arguments, { ...options, now, freeTextFallback: false }) : {},
      }
    : null;

  let confirmation: UnderstandResult["confirmation"] = null;
  let slotText = text;
  if (request.expectConfirmation) {
    const answer = findYesNo(toTokens(text))[0];
    if (answer) {
      confirmation = answer.value ? "yes" : "no";
      // "No, make it Friday": the answer words are not part of the correction.
      slotText = text.replace(LEADING_ANSWER, "");
    }
  }
  const slots =
    request.slots.length > 0 && slotText.trim() !== ""
      ? extractSlots(slotText, request.slots, { ...options, now, focusSlot: request.focusSlot, freeTextFallback: intent === null })
      : {};
  return { intent, slots, confirmation };
}
