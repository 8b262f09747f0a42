// The player's few visible strings. A screen in a public place shows Vietnamese first, English second,
// both at once (no language switch on a wall), so this is a flat table rather than a dictionary per language.
export const strings = {
  unpairedVi: 'Thiết bị chưa được ghép nối',
  unpairedEn: 'This device is not paired yet',
  unpairedHintVi: 'Vui lòng liên hệ cán bộ phường để ghép nối thiết bị.',
} as const;
