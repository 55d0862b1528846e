/** What the browser tells about the platform, read only when there is a browser. */
interface NavigatorWithUAData {
  userAgent?: string;
  userAgentData?: { platform?: string };
}

const PLATFORMS: ReadonlyArray<[RegExp, string]> = [
  [/iPhone/i, 'iPhone'],
  [/iPad/i, 'iPad'],
  [/Android/i, 'Android'],
  [/CrOS|Chrome OS/i, 'ChromeOS'],
  [/Mac/i, 'Mac'],
  [/Win/i, 'Windows'],
  [/Linux/i, 'Linux'],
];

/**
 * A short name of the user's platform ("Mac", "Windows", "iPhone"…) to name a new passkey, or
 * `undefined` on the server or when the browser does not say. Call it in effects, not in render.
 * @example platformName() // 'Mac'
 */
export function platformName(): string | undefined {
  if (typeof navigator === 'undefined') return undefined;
  const nav = navigator as NavigatorWithUAData;
  const hint = `${nav.userAgentData?.platform ?? ''} ${nav.userAgent ?? ''}`;
  return PLATFORMS.find(([pattern]) => pattern.test(hint))?.[1];
}
