// Participant pages are read on phones with poor data: server-rendered HTML and one small CSS
// file, no client JavaScript bundle. The case page adds a few hundred bytes of inline script for
// its copy button.
export const csr = false;
export const prerender = false;
