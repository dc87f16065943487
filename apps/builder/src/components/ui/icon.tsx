/** Small stroke icons drawn inline (no icon font, no network). */
const PATHS = {
  rename: "M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4",
  duplicate: "M8 8h11v11H8zM5 16V5h11",
  export: "M12 4v11m0 0l-4-4m4 4l4-4M5 19h14",
  delete: "M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12",
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={PATHS[name]} />
    </svg>
  );
}
