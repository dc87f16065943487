"use client";
import { useEffect, useState } from "react";

/**
 * Runs `callback` once the browser is idle, not before `delayMs` and at most `timeoutMs` after
 * that; returns a cancel function.
 */
export function whenIdle(callback: () => void, timeoutMs = 1000, delayMs = 0): () => void {
  let cancelIdle = () => {};
  const idle = () => {
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(callback, { timeout: timeoutMs });
      cancelIdle = () => window.cancelIdleCallback(handle);
    } else {
      const timer = window.setTimeout(callback, 1);
      cancelIdle = () => window.clearTimeout(timer);
    }
  };
  if (delayMs <= 0) {
    idle();
    return () => cancelIdle();
  }
  const delay = window.setTimeout(idle, delayMs);
  return () => {
    window.clearTimeout(delay);
    cancelIdle();
  };
}

/**
 * False during the server render and the first client renders, true once the browser has been
 * idle after mounting (see `whenIdle`): for parts of a page that can wait until the main content
 * has painted.
 */
export function useWhenIdle(timeoutMs = 1000, delayMs = 0): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true), timeoutMs, delayMs), [timeoutMs, delayMs]);
  return idle;
}
