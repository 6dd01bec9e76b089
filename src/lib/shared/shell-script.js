/**
 * The host screens' one inline script, in <head> so it runs before the first paint: the start
 * page and the event screen are prerendered in English (their words are painted before any
 * JavaScript runs), so for a host who chose French (or whose browser speaks French, with no choice
 * stored) it sets <html lang> and hides the shell's words until the app has rendered them in
 * French: the frame shows, never the wrong language. It chooses as initialLocale() in
 * src/lib/client/state/locale.svelte.ts does (same key, same fallback; tested together in
 * tests/unit/shell-script.test.ts). The host layout removes data-shell-words once mounted.
 * The start page's welcome is in the shell too (a first visit paints it at once); a device that
 * put it away or holds events (Welcome.svelte keeps both keys) gets data-welcome="hidden"
 * first, so the shell never shows it to a returning host.
 * hooks.server.ts puts it in host pages; svelte.config.js allows it in the CSP by its hash.
 */
export const SHELL_SCRIPT = `try{var d=document.documentElement,s=localStorage,l=s.getItem('letterday.lang');if(l!=='en'&&l!=='fr')l=/^fr/i.test(navigator.language||'')?'fr':'en';if(l!==d.lang){d.lang=l;d.setAttribute('data-shell-words','hidden')}if(s.getItem('letterday.welcome-dismissed')==='1'||s.getItem('letterday.has-events')==='1')d.setAttribute('data-welcome','hidden')}catch(e){}`;
