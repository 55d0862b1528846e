'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useDfnsAuth } from '../../provider/useDfnsAuth';
import { Button } from './Button';
import { cx } from './cx';
import { errorAlertView } from './errorAlertView';
import { useDisplayedTheme } from './useDisplayedTheme';

/** Props every drop-in component shares. */
export interface KitComponentProps {
  /** Extra class on the root element. */
  className?: string | undefined;
  /** Drops the kit's look (the `dfns-kit` class) and keeps the structure and `dfns-*` classes. */
  unstyled?: boolean | undefined;
  /** Heading level of the component's title (default 2). */
  headingLevel?: 2 | 3 | 4 | 5 | 6 | undefined;
  /** Your brand mark, shown at the top of the card (an `<img>` with its `alt`, or an inline SVG). */
  logo?: ReactNode;
}

/** Props of the frame every component renders its steps in. */
export interface FlowFrameProps extends KitComponentProps {
  /** The component's name: the root gets the class `dfns-<name>`. */
  name: string;
  /** The catalogue's language (`messages.locale`), on the root: German read as German, and hyphenated. */
  lang?: string | undefined;
  status: string;
  title: string;
  description?: string | undefined;
  /** Announced in the `role="status"` live region; empty when there is nothing to say. */
  statusText: string;
  /** Leaves the flow: a Cancel button under the step, shown only when given. */
  onCancel?: (() => void) | undefined;
  /** The label of that button (the catalogue's Cancel, or Decline). */
  cancelLabel?: string | undefined;
  children?: ReactNode;
}

/**
 * The root of every component: `dfns-<Name>` and `data-status` for styling and tests, a titled
 * region, and the single polite live region that announces progress to screen readers.
 */
export function FlowFrame(props: FlowFrameProps): ReactNode {
  const { name, lang, status, title, description, statusText, onCancel, cancelLabel, className, unstyled, headingLevel = 2, logo, children } = props;
  const { theme } = useDfnsAuth(name);
  const rootRef = useRef<HTMLElement>(null);
  const displayedTheme = useDisplayedTheme(rootRef, theme);
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  // Once a flow is under way, an error may follow: fetch the alert's chunk now, so it shows at once.
  const started = status !== 'idle';
  useEffect(() => {
    if (started) errorAlertView.preload();
  }, [started]);
  return (
    <section
      ref={rootRef}
      className={cx(`dfns-${name}`, !unstyled && 'dfns-kit', className)}
      data-status={status}
      data-theme={displayedTheme}
      lang={lang}
      aria-labelledby={titleId}
    >
      {logo ? <div className="dfns-logo">{logo}</div> : null}
      <Heading id={titleId} className="dfns-title">
        {title}
      </Heading>
      {description ? <p className="dfns-description">{description}</p> : null}
      {children}
      {onCancel ? (
        <Button variant="ghost" className="dfns-cancel" onClick={onCancel}>
          {cancelLabel}
        </Button>
      ) : null}
      <p role="status" aria-live="polite" className="dfns-status">
        {statusText}
      </p>
    </section>
  );
}
