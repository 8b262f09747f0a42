// The stylesheet of the public pages, served from the same origin (CSP `style-src 'self'`), with the bundled
// Vietnamese font (media/fonts, served under /p/fonts/) so diacritics look right on any visitor's device.
const FACES = [
  ['vietnamese', 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB'],
  ['latin-ext', 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'],
  ['latin', 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'],
] as const;

/** The font files the pages may load, by name under /p/fonts/. */
export const FONT_FILES = FACES.flatMap(([subset]) => [400, 700].map((w) => `be-vietnam-pro-${subset}-${w}-normal.woff2`));

const faces = FACES.flatMap(([subset, range]) =>
  [400, 700].map(
    (w) => `@font-face { font-family: "Be Vietnam Pro"; font-style: normal; font-display: swap; font-weight: ${w};
  src: url(/p/fonts/be-vietnam-pro-${subset}-${w}-normal.woff2) format("woff2"); unicode-range: ${range}; }`,
  ),
).join('\n');

export const PORTAL_CSS = `${faces}
html { font-family: "Be Vietnam Pro", system-ui, sans-serif; color: #1a1f27; background: #fff; line-height: 1.5; }
body { max-width: 46rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 3px solid #b3261e; margin-bottom: 1rem; }
header p { margin: 0; font-weight: 700; color: #b3261e; }
h1 { font-size: 1.6rem; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.2rem; margin: 0 0 0.25rem; }
article { border-bottom: 1px solid #d6dbe1; padding: 0.75rem 0; }
.body { white-space: pre-line; }
.meta { color: #4a5563; font-size: 0.9rem; }
.share input { width: 100%; font: inherit; padding: 0.25rem; }
a { color: #0b4f8a; }
footer { margin-top: 2rem; color: #4a5563; font-size: 0.9rem; }
`;
