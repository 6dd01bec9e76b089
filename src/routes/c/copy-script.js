/**
 * The case page's only script, inlined (a few hundred bytes): shows the copy buttons that
 * SampleLetter.svelte renders hidden and copies the letter. The Clipboard API needs a secure
 * context, so plain http on a local network falls back to selecting the text and execCommand.
 */
export const COPY_SCRIPT = `document.querySelectorAll('button[data-copy]').forEach(function(b){var t=document.getElementById(b.dataset.copy),s=document.getElementById(b.dataset.status);if(!t||!s)return;b.hidden=false;b.addEventListener('click',function(){function done(ok){s.textContent=ok?b.dataset.ok:b.dataset.fail}function fallback(){var d=t.closest('details');if(d)d.open=true;t.focus();t.select();var ok=false;try{ok=document.execCommand('copy')}catch(e){}done(ok)}if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(t.value).then(function(){done(true)},fallback)}else fallback()})})`;
