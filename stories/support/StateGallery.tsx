import { useEffect, useRef, useState, type ReactNode } from 'react';
import { storyNameFromExport, toId } from 'storybook/internal/csf';
import type { DfnsGlobals } from './dfnsParameters';

/** Props of the all-states gallery. */
export interface StateGalleryProps {
  /** The `title` of the component's stories (`Components/RegisterPasskey`). */
  title: string;
  /** Export names of the state stories to show, in order. */
  stories: readonly string[];
  /** The current toolbar globals, passed on to every frame. */
  globals: DfnsGlobals;
}

type PreviewWindow = Window & { __STORYBOOK_PREVIEW__?: { storyRenders?: { phase?: string }[] } };

/** Resolves once the story in `frame` has rendered and its play function ended (or after 20 s). */
async function played(frame: HTMLIFrameElement): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const phase = (frame.contentWindow as PreviewWindow | null)?.__STORYBOOK_PREVIEW__?.storyRenders?.at(-1)?.phase;
    if (phase && ['finished', 'completed', 'errored', 'aborted'].includes(phase)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Minimum height of a frame (its height while the story loads), and of the placeholders of frames not loaded yet. */
const MIN_FRAME_HEIGHT = 200;

/** The height of the frame's content: the body's, since the root element is never shorter than the frame. */
function contentHeight(doc: Document): number {
  return Math.ceil(doc.body.getBoundingClientRect().height);
}

/**
 * Keeps `frame` as tall as the story inside it, so nothing is cut off and short states leave no
 * gap; returns the disconnect. The gallery is same-origin, so the parent can read the document.
 */
function fitToContent(frame: HTMLIFrameElement): () => void {
  const doc = frame.contentDocument;
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  if (!doc || !win) return () => undefined;
  const fit = (): void => {
    frame.style.height = `${contentHeight(doc)}px`;
  };
  // The frame's own ResizeObserver: it is tied to the frame's rendering, where the changes happen.
  const observer = new win.ResizeObserver(fit);
  observer.observe(doc.body);
  fit();
  return () => observer.disconnect();
}

/** Props of one frame of the gallery. */
interface GalleryFrameProps {
  title: string;
  src: string;
  /** Called once the story in the frame has played. */
  onPlayed: () => void;
}

/** One story in a same-origin frame that grows and shrinks with its content. */
function GalleryFrame({ title, src, onPlayed }: GalleryFrameProps): ReactNode {
  const disconnect = useRef<() => void>(undefined);
  // Stop observing when the frame goes away (story change, theme switch re-rendering the gallery).
  useEffect(() => () => disconnect.current?.(), []);
  return (
    <iframe
      title={title}
      src={src}
      className="sb-dfns-gallery-frame"
      // Only a floor: `fitToContent` sets the height itself, outside React.
      style={{ minHeight: MIN_FRAME_HEIGHT }}
      onLoad={(event) => {
        const frame = event.currentTarget;
        disconnect.current?.();
        disconnect.current = fitToContent(frame);
        void played(frame).then(onPlayed);
      }}
    />
  );
}

/**
 * Every state of a component side by side. Each state is its own story, shown in its own frame,
 * where the story's play function brings it to its state; each frame has its own emulator, so
 * one state's faults cannot leak into another. States are defined once, as stories. Frames load
 * one after the other: play functions type and click, and sibling frames would steal focus.
 */
export function StateGallery({ title, stories, globals }: StateGalleryProps): ReactNode {
  const [loaded, setLoaded] = useState(1);
  const shared = `theme:${globals.theme};locale:${globals.locale};panel:hidden`;
  const component = title.split('/').pop() ?? title;
  return (
    <>
      <header className="sb-dfns-gallery-header">
        <h1>{component}: every state</h1>
        <p>
          Each frame is one story of {component}, opened on its own and brought to its state by the story’s script, with
          its own emulator. Frames load one after another, so the last ones take a few seconds. Open a state’s story in the
          sidebar to try it yourself and see the emulator panel.
        </p>
      </header>
      <div className="sb-dfns-gallery">
        {stories.map((exportName, index) => {
          // The story's name as in the sidebar, so a reader finds the state there to try it.
          const name = storyNameFromExport(exportName);
          const src = `iframe.html?id=${encodeURIComponent(toId(title, name))}&viewMode=story&globals=${encodeURIComponent(shared)}`;
          return (
            <figure key={exportName} className="sb-dfns-gallery-item">
              {/* Visually hidden: the card's own title in the frame ends with the state's name. */}
              <figcaption className="sb-dfns-visually-hidden">
                <h2>{name}</h2>
              </figcaption>
              {index < loaded ? (
                <GalleryFrame
                  title={`${component}: ${name}`}
                  src={src}
                  onPlayed={() => setLoaded((count) => Math.max(count, index + 2))}
                />
              ) : (
                <p className="sb-dfns-gallery-wait" style={{ height: MIN_FRAME_HEIGHT }}>
                  Waiting for the states before…
                </p>
              )}
            </figure>
          );
        })}
      </div>
    </>
  );
}
