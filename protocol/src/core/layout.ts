// Screen layouts: a named template of regions on a canvas of the device's resolution and orientation. `main`
// plays the device's timeline as a full screen does; `ticker` scrolls the ticker track's text; `clock` shows the
// date and time in Vietnamese; `banner` and `image` show one approved content item (the ward's name, a logo).
// Pure and zod-free: the server validates with it, the dashboard's editor checks as you drag, the player draws it.

export const REGION_KINDS = ['main', 'ticker', 'clock', 'banner', 'image'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
export const LAYOUT_ORIENTATIONS = ['landscape', 'portrait'] as const;
export type LayoutOrientation = (typeof LAYOUT_ORIENTATIONS)[number];

export type RegionStyle = {
  /** Text colour, #rrggbb. */
  color?: string;
  /** Background, #rrggbb. */
  background?: string;
  /** Text size in canvas pixels. */
  fontPx?: number;
  /** Ticker only: scroll speed in characters per second (TICKER_SPEED_MIN–MAX); absent = TICKER_SPEED_DEFAULT. */
  speed?: number;
};

export const TICKER_SPEED_MIN = 1;
export const TICKER_SPEED_MAX = 40;
export const TICKER_SPEED_DEFAULT = 8;

export type Region = {
  /** Unique inside the layout: [a-z0-9-], 1–32 characters. */
  id: string;
  kind: RegionKind;
  /** Position and size in canvas pixels; the region lies inside the canvas. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Stacking order: higher is drawn on top. */
  z: number;
  style?: RegionStyle;
  /** banner / image: the content item it shows (its approved version reaches devices); empty until chosen. */
  contentId?: number;
};

export type LayoutBody = {
  orientation: LayoutOrientation;
  width: number;
  height: number;
  regions: Region[];
};

/** One problem of a layout, with the region it concerns (when any), for a message in either language. */
export type LayoutProblem = {
  code:
    | 'canvas_size'
    | 'canvas_orientation'
    | 'region_count'
    | 'region_id'
    | 'region_id_duplicate'
    | 'region_kind'
    | 'region_outside'
    | 'region_too_small'
    | 'region_z'
    | 'region_style'
    | 'region_content'
    | 'main_count'
    | 'single_kind';
  region?: string;
};

export const CANVAS_MIN = 64;
export const CANVAS_MAX = 7680;
export const REGION_MIN = 16;
export const MAX_REGIONS = 12;
/** At most one of these per layout: one programme, one scrolling line, one clock. */
const SINGLE: readonly RegionKind[] = ['main', 'ticker', 'clock'];

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const COLOUR = /^#[0-9a-f]{6}$/i;

/** Every problem of a layout body; an empty list means it can be saved. */
export function layoutProblems(body: LayoutBody): LayoutProblem[] {
  const out: LayoutProblem[] = [];
  const { width, height } = body;
  if (!isInt(width) || !isInt(height) || width < CANVAS_MIN || height < CANVAS_MIN || width > CANVAS_MAX || height > CANVAS_MAX) {
    out.push({ code: 'canvas_size' });
    return out;
  }
  if ((body.orientation === 'landscape') !== width >= height) out.push({ code: 'canvas_orientation' });
  if (body.regions.length === 0 || body.regions.length > MAX_REGIONS) out.push({ code: 'region_count' });
  const seen = new Set<string>();
  for (const r of body.regions) {
    const region = r.id;
    if (!/^[a-z0-9-]{1,32}$/.test(r.id)) out.push({ code: 'region_id', region });
    else if (seen.has(r.id)) out.push({ code: 'region_id_duplicate', region });
    seen.add(r.id);
    if (!(REGION_KINDS as readonly string[]).includes(r.kind)) out.push({ code: 'region_kind', region });
    if (![r.x, r.y, r.w, r.h].every(isInt) || r.x < 0 || r.y < 0 || r.x + r.w > width || r.y + r.h > height) {
      out.push({ code: 'region_outside', region });
    } else if (r.w < REGION_MIN || r.h < REGION_MIN) out.push({ code: 'region_too_small', region });
    if (!isInt(r.z) || r.z < 0 || r.z > 100) out.push({ code: 'region_z', region });
    const s = r.style;
    if (
      s &&
      ((s.color !== undefined && !COLOUR.test(s.color)) ||
        (s.background !== undefined && !COLOUR.test(s.background)) ||
        (s.fontPx !== undefined && (!isInt(s.fontPx) || s.fontPx < 8 || s.fontPx > Math.min(width, height))) ||
        (s.speed !== undefined && (r.kind !== 'ticker' || !isInt(s.speed) || s.speed < TICKER_SPEED_MIN || s.speed > TICKER_SPEED_MAX)))
    ) {
      out.push({ code: 'region_style', region });
    }
    const needsContent = r.kind === 'banner' || r.kind === 'image';
    if ((needsContent && r.contentId !== undefined && (!isInt(r.contentId) || r.contentId <= 0)) || (!needsContent && r.contentId !== undefined)) {
      out.push({ code: 'region_content', region });
    }
  }
  const count = (k: RegionKind) => body.regions.filter((r) => r.kind === k).length;
  if (count('main') !== 1) out.push({ code: 'main_count' });
  for (const k of SINGLE) if (k !== 'main' && count(k) > 1) out.push({ code: 'single_kind', region: k });
  return out;
}

/** The layout as stored and hashed: regions in z then id order, known keys only, so equal layouts are equal text. */
export function normalizeLayout(body: LayoutBody): LayoutBody {
  const regions = [...body.regions]
    .sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => {
      const out: Region = { id: r.id, kind: r.kind, x: r.x, y: r.y, w: r.w, h: r.h, z: r.z };
      if (r.style && Object.keys(r.style).length > 0) {
        const style: RegionStyle = {};
        if (r.style.color !== undefined) style.color = r.style.color.toLowerCase();
        if (r.style.background !== undefined) style.background = r.style.background.toLowerCase();
        if (r.style.fontPx !== undefined) style.fontPx = r.style.fontPx;
        if (r.style.speed !== undefined) style.speed = r.style.speed;
        out.style = style;
      }
      if (r.contentId !== undefined) out.contentId = r.contentId;
      return out;
    });
  return { orientation: body.orientation, width: body.width, height: body.height, regions };
}

const LANDSCAPE = { orientation: 'landscape', width: 1920, height: 1080 } as const;
const PORTRAIT = { orientation: 'portrait', width: 1080, height: 1920 } as const;
const TEXT = { color: '#ffffff', background: '#b71c1c' };

/** The layouts a fresh install starts with (approved by the system); editors copy and adapt them. */
export const STARTER_LAYOUTS: { key: string; name: string; body: LayoutBody }[] = [
  {
    key: 'full',
    name: 'Toàn màn hình / Full screen',
    body: { ...LANDSCAPE, regions: [{ id: 'main', kind: 'main', x: 0, y: 0, w: 1920, h: 1080, z: 0 }] },
  },
  {
    key: 'main-ticker',
    name: 'Chương trình + chữ chạy / Main + ticker',
    body: {
      ...LANDSCAPE,
      regions: [
        { id: 'main', kind: 'main', x: 0, y: 0, w: 1920, h: 960, z: 0 },
        { id: 'ticker', kind: 'ticker', x: 0, y: 960, w: 1920, h: 120, z: 1, style: { ...TEXT, fontPx: 64 } },
      ],
    },
  },
  {
    key: 'led-ward',
    name: 'Màn hình LED phường: băng rôn + chương trình + chữ chạy + đồng hồ / Ward LED',
    body: {
      ...LANDSCAPE,
      regions: [
        { id: 'banner', kind: 'banner', x: 0, y: 0, w: 1440, h: 140, z: 1, style: { ...TEXT, fontPx: 72 } },
        { id: 'clock', kind: 'clock', x: 1440, y: 0, w: 480, h: 140, z: 1, style: { color: '#ffeb3b', background: '#b71c1c', fontPx: 40 } },
        { id: 'main', kind: 'main', x: 0, y: 140, w: 1920, h: 820, z: 0 },
        { id: 'ticker', kind: 'ticker', x: 0, y: 960, w: 1920, h: 120, z: 1, style: { color: '#ffeb3b', background: '#0d47a1', fontPx: 64 } },
      ],
    },
  },
  {
    key: 'kiosk-portrait',
    name: 'Kiosk dọc: băng rôn + đồng hồ / Portrait kiosk',
    body: {
      ...PORTRAIT,
      regions: [
        { id: 'banner', kind: 'banner', x: 0, y: 0, w: 1080, h: 200, z: 1, style: { ...TEXT, fontPx: 64 } },
        { id: 'main', kind: 'main', x: 0, y: 200, w: 1080, h: 1600, z: 0 },
        { id: 'clock', kind: 'clock', x: 0, y: 1800, w: 1080, h: 120, z: 1, style: { color: '#ffffff', background: '#0d47a1', fontPx: 48 } },
      ],
    },
  },
];

const WEEKDAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** The clock region's text in Vietnamese for an instant in a zone: "Thứ Năm, 03/12/2026 · 22:30". */
export function clockText(ms: number, tz: string): string {
  const parts: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const p of fmt.formatToParts(new Date(ms))) parts[p.type] = p.value;
  // The weekday of the local date, computed from the date itself (no locale data needed on old WebViews).
  const weekday = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day))).getUTCDay();
  return `${WEEKDAYS_VI[weekday]}, ${parts.day}/${parts.month}/${parts.year} · ${parts.hour}:${parts.minute}`;
}
