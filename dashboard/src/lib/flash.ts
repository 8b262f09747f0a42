// A confirmation that outlives one navigation: an editor submits, the app moves to the item's page, and
// that page shows what was done ("Đã gửi duyệt phiên bản 2.") once.
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/** The waiting confirmation, if any; it is shown once. */
export function takeFlash(): string | null {
  const m = pending;
  pending = null;
  return m;
}
