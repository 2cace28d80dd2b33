// PNG charts: Chinese labels must come out as glyphs, not as the empty boxes a missing font gives.
import { describe, expect, it } from 'vitest';
import { cjkFont, svgToPng } from './png.ts';
import { REPORT_FONTS } from './charts.ts';

const text = (s: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="30" font-size="28" font-family="${REPORT_FONTS.replace(/"/g, "'")}">${s}</text></svg>`;

describe('SVG to PNG', () => {
  it('finds a CJK font (system or the npm package) and draws different Chinese characters differently', async () => {
    const font = await cjkFont();
    expect(font.source).not.toBe('none');
    // Without a CJK font both characters are the same "missing glyph" box, so the images are equal.
    const a = Buffer.from(await svgToPng(text('接通率')));
    const b = Buffer.from(await svgToPng(text('呼损率')));
    const box = Buffer.from(await svgToPng(text('口口口')));
    expect(a.equals(b)).toBe(false);
    expect(a.equals(box)).toBe(false);
  });

  it('gives a PNG at twice the SVG size, the same bytes each time', async () => {
    const png = Buffer.from(await svgToPng(text('服务水平 15 s')));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([240, 80]);
    expect(Buffer.from(await svgToPng(text('服务水平 15 s'))).equals(png)).toBe(true);
  });
});
