'use client';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { RecoveryKit } from '../../flows/flowState';
import { recoveryKitText } from '../../messages/recoveryKitText';
import { clipboardCopy } from '../../messages/copy/clipboardCopy';
import { recoveryKitCopy } from '../../messages/copy/recoveryKitCopy';
import { recoveryKitHeadingCopy } from '../../messages/copy/recoveryKitHeadingCopy';
import { recoveryKitLabelsCopy } from '../../messages/copy/recoveryKitLabelsCopy';
import { stepButtonsCopy } from '../../messages/copy/stepButtonsCopy';
import type { DeepPartial, DfnsMessages } from '../../messages/types';
import { Button } from './Button';
import { useCopy } from './useCopy';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

const KIT_COPY = [recoveryKitHeadingCopy, recoveryKitLabelsCopy, recoveryKitCopy, clipboardCopy, stepButtonsCopy] as const;

/**
 * How long the print frame may stay without an `afterprint` (some mobile browsers never fire it):
 * long enough for a print dialog that does not block, short enough that the kit does not linger.
 */
export const PRINT_FRAME_FALLBACK_MS = 60_000;

/** Props of the recovery kit panel. */
export interface RecoveryKitPanelProps {
  kit: RecoveryKit;
  /** The component's catalogue, laid over the panel's own English (`recoveryKitCopy`). */
  messages: DeepPartial<DfnsMessages>;
  /** The user confirmed the kit is stored; the flow continues. */
  onSaved: () => void;
}

/**
 * Shows the new recovery kit once, with copy, download and print, and asks the user to confirm
 * they stored it before the flow goes on. Nothing here writes the kit anywhere else: no storage,
 * no log, no URL (the download is an in-memory Blob URL, revoked at once).
 */
export function RecoveryKitPanel({ kit, messages: given, onSaved }: RecoveryKitPanelProps): ReactNode {
  const messages = useCopy(KIT_COPY, given);
  const copy = messages.recoveryKit;
  const [saved, setSaved] = useState(false);
  const [notice, setNotice] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const checkboxId = useId();
  const text = recoveryKitText(kit, messages);
  // The print frame holds the kit's text: at most one, gone after printing, after a fallback delay, or on unmount.
  const printFrame = useRef<{ frame: HTMLIFrameElement; timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  const removePrintFrame = (): void => {
    if (!printFrame.current) return;
    clearTimeout(printFrame.current.timer);
    printFrame.current.frame.remove();
    printFrame.current = undefined;
  };
  useEffect(() => removePrintFrame, []);

  // The kit replaces the previous step: move focus to it so the user hears what changed.
  useIsomorphicLayoutEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copyKit = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(copy.copiedNotice);
    } catch {
      // Clipboard access can be refused (permissions, insecure context); download still works.
      setNotice('');
    }
  };

  const downloadKit = (): void => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = copy.fileName({ username: kit.username, date: kit.createdAt.slice(0, 10) });
    link.click();
    URL.revokeObjectURL(url);
  };

  // Printing from a hidden same-origin frame prints only the kit, without global print CSS
  // (which would leak into the host app) and without inline script (strict CSP friendly).
  const printKit = (): void => {
    removePrintFrame();
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.position = 'fixed';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.style.border = '0';
    document.body.appendChild(frame);
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    if (!doc || !win) {
      frame.remove();
      return;
    }
    const pre = doc.createElement('pre');
    pre.style.font = '12pt/1.5 ui-monospace, Menlo, Consolas, monospace';
    pre.style.whiteSpace = 'pre-wrap';
    pre.textContent = text;
    doc.title = copy.title;
    doc.body.appendChild(pre);
    printFrame.current = { frame, timer: setTimeout(removePrintFrame, PRINT_FRAME_FALLBACK_MS) };
    win.addEventListener('afterprint', removePrintFrame, { once: true });
    win.focus();
    win.print();
  };

  return (
    <div className="dfns-recovery-kit">
      <h3 ref={headingRef} tabIndex={-1} className="dfns-subtitle">
        {copy.title}
      </h3>
      <p className="dfns-description">{copy.intro}</p>
      <p className="dfns-warning">{copy.warning}</p>
      <dl className="dfns-kit-fields">
        <div className="dfns-kit-field" data-field="recovery-code">
          <dt>{copy.recoveryCode}</dt>
          <dd>
            <code>{kit.recoveryCode}</code>
          </dd>
        </div>
        <div className="dfns-kit-field">
          <dt>{copy.recoveryKeyId}</dt>
          <dd>
            <code>{kit.credId}</code>
          </dd>
        </div>
        <div className="dfns-kit-field">
          <dt>{copy.username}</dt>
          <dd>{kit.username}</dd>
        </div>
        <div className="dfns-kit-field">
          <dt>{copy.orgId}</dt>
          <dd>
            <code>{kit.orgId}</code>
          </dd>
        </div>
        <div className="dfns-kit-field">
          <dt>{copy.server}</dt>
          <dd>{kit.server}</dd>
        </div>
      </dl>
      <p className="dfns-hint">{copy.fieldsHint}</p>
      <div className="dfns-actions">
        <Button variant="secondary" onClick={() => void copyKit()}>
          {messages.buttons.copy}
        </Button>
        <Button variant="secondary" onClick={downloadKit}>
          {messages.buttons.download}
        </Button>
        <Button variant="secondary" onClick={printKit}>
          {messages.buttons.print}
        </Button>
      </div>
      <p className="dfns-notice" aria-live="polite">
        {notice}
      </p>
      <div className="dfns-checkbox">
        <input id={checkboxId} type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        <label htmlFor={checkboxId}>{messages.buttons.savedKit}</label>
      </div>
      <Button disabled={!saved} onClick={onSaved}>
        {messages.buttons.continue}
      </Button>
    </div>
  );
}
