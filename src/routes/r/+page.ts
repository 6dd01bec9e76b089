// The relay page: a phone that scanned a host's "report by QR" code opens /r#…; the report is in
// the fragment, which only JavaScript can read. The page is prerendered (served as a file, fast
// on poor data) and kept apart from the host app's group, so it never loads Dexie.
export const prerender = true;
export const ssr = true;
export const csr = true;
