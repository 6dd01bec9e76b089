// Prerendered with the app's frame, painted before JavaScript: see ../+layout.ts.
export const ssr = true;
