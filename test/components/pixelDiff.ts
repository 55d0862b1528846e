/**
 * Pixel comparison for browser tests, with no dependency: PNG screenshots are decoded by the
 * browser itself (createImageBitmap) and compared channel by channel.
 */

/** An RGBA image: 4 bytes per pixel, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A rectangle in whole pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How two images differ: `pixels` is how many differ by more than the tolerance in any channel. */
export interface PixelDifference {
  sameSize: boolean;
  pixels: number;
  ratio: number;
  maxChannel: number;
}

/** Decodes a base64 PNG into a bitmap the page can crop and read. */
export async function decodePng(base64: string): Promise<ImageBitmap> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return createImageBitmap(new Blob([bytes], { type: 'image/png' }));
}

/** The pixels of `box` in `bitmap` (parts outside the bitmap read as transparent). */
export function crop(bitmap: ImageBitmap, box: Box): Pixels {
  const canvas = new OffscreenCanvas(Math.max(1, box.width), Math.max(1, box.height));
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
  return { width: box.width, height: box.height, data: context.getImageData(0, 0, canvas.width, canvas.height).data };
}

/** Compares two images pixel by pixel; a channel may differ by `tolerance` (0-255) before the pixel counts. */
export function compare(a: Pixels, b: Pixels, tolerance: number): PixelDifference {
  if (a.width !== b.width || a.height !== b.height) return { sameSize: false, pixels: Infinity, ratio: 1, maxChannel: 255 };
  let pixels = 0;
  let maxChannel = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let worst = 0;
    for (let c = 0; c < 4; c += 1) worst = Math.max(worst, Math.abs(a.data[i + c]! - b.data[i + c]!));
    maxChannel = Math.max(maxChannel, worst);
    if (worst > tolerance) pixels += 1;
  }
  return { sameSize: true, pixels, ratio: pixels / (a.width * a.height), maxChannel };
}

/** A picture of where two same-sized images differ: red where they do, the first image faded elsewhere. */
export function diffImage(a: Pixels, b: Pixels, tolerance: number): Pixels {
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const o = (y * width + x) * 4;
      const inA = x < a.width && y < a.height;
      const inB = x < b.width && y < b.height;
      const ia = (y * a.width + x) * 4;
      const ib = (y * b.width + x) * 4;
      let differs = inA !== inB;
      if (inA && inB) for (let c = 0; c < 4; c += 1) differs ||= Math.abs(a.data[ia + c]! - b.data[ib + c]!) > tolerance;
      if (differs) data.set([255, 0, 0, 255], o);
      else if (inA) data.set([a.data[ia]! / 3 + 170, a.data[ia + 1]! / 3 + 170, a.data[ia + 2]! / 3 + 170, 255], o);
    }
  }
  return { width, height, data };
}

/** Encodes pixels as a base64 PNG (to write next to the test for a person to look at). */
export async function encodePng(pixels: Pixels): Promise<string> {
  const canvas = new OffscreenCanvas(Math.max(1, pixels.width), Math.max(1, pixels.height));
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pixels.data), pixels.width, pixels.height), 0, 0);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
