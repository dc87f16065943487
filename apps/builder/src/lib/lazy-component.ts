"use client";
import { createElement, useEffect, useState, type ComponentType, type ReactElement } from "react";

export interface LazyComponent<P extends object> {
  (props: P): ReactElement | null;
  /** Starts loading the module (once); resolves when the component can render at once. */
  preload(): Promise<void>;
}

/**
 * A component whose module loads on first use, or earlier through `preload` (when the page is
 * idle): once loaded it renders at once, with no fallback frame. Until then it renders nothing.
 * For panels the page does not show when it opens.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        loading = null; // a failed chunk load may be retried by the next render
        throw error;
      },
    ));
  function Lazy(props: P): ReactElement | null {
    const [, setReady] = useState(false);
    const component = loaded;
    useEffect(() => {
      if (component) return;
      let live = true;
      preload().then(
        () => live && setReady(true),
        (error: unknown) => console.error(error),
      );
      return () => {
        live = false;
      };
    }, [component]);
    return component ? createElement(component, props) : null;
  }
  return Object.assign(Lazy, { preload });
}
