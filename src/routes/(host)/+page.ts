// Prerendered with the app's frame and static words, painted before JavaScript: see +layout.ts.
export const ssr = true;
