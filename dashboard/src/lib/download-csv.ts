// Offers a CSV text as a file download (the text itself is written by @bantin/protocol/core's buildCsv).

/** Offers the CSV as a download. Browser-only; returns false where the browser refuses (locked-down). */
export function downloadCsv(fileName: string, csv: string): boolean {
  try {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}
