'use client';

import { useState } from 'react';

/**
 * Copies `text` to the clipboard. The Clipboard API needs a secure context
 * (HTTPS or localhost); elsewhere the old selection-based copy is tried, and
 * failing both the user is told to copy by hand.
 */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
      } else {
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.append(area);
        area.select();
        const ok = document.execCommand('copy');
        area.remove();
        if (!ok) throw new Error('copy refused');
      }
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <>
      <button type="button" className="button" onClick={copy}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span role="status" className="small muted">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'Copy failed; select the text and copy it by hand.' : ''}
      </span>
    </>
  );
}
