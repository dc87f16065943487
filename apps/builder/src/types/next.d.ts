// Next's ambient types, without next-env.d.ts (generated per machine, and it imports files under
// .next/ that a fresh clone does not have).
/// <reference types="next" />
/// <reference types="next/image-types/global" />
