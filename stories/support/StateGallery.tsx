import { useState, type ReactNode } from 'react';
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
  /** Height of each frame in pixels. */
  height?: number;
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

/**
 * Every state of a component side by side. Each state is its own story, shown in its own frame,
 * where the story's play function brings it to its state; each frame has its own emulator, so
 * one state's faults cannot leak into another. States are defined once, as stories. Frames load
 * one after the other: play functions type and click, and sibling frames would steal focus.
 */
export function StateGallery({ title, stories, globals, height = 460 }: StateGalleryProps): ReactNode {
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
          const name = storyNameFromExport(exportName);
          const src = `iframe.html?id=${encodeURIComponent(toId(title, name))}&viewMode=story&globals=${encodeURIComponent(shared)}`;
          return (
            <figure key={exportName} className="sb-dfns-gallery-item">
              <figcaption>{name}</figcaption>
              {index < loaded ? (
                <iframe
                  title={`${component}: ${name}`}
                  src={src}
                  style={{ width: '100%', height, border: 0 }}
                  onLoad={(event) => {
                    void played(event.currentTarget).then(() => setLoaded((count) => Math.max(count, index + 2)));
                  }}
                />
              ) : (
                <p className="sb-dfns-gallery-wait" style={{ height }}>
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
