// The stylesheet of the printable report, served from the same origin (CSP `style-src 'self'`): A4 pages,
// ruled tables whose header repeats on every printed page, and no colour that a black-and-white printer loses.
export const PRINT_CSS = `@page { size: A4; margin: 15mm 12mm; }
html { font-family: "Be Vietnam Pro", "Times New Roman", serif; font-size: 11pt; color: #000; background: #fff; }
body { max-width: 190mm; margin: 0 auto; padding: 8mm 0; line-height: 1.35; }
h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 4mm 0; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
header p:first-child { font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 9.5pt; }
caption { text-align: left; font-style: italic; padding: 1mm 0; caption-side: top; }
th, td { border: 0.4pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tfoot td { font-weight: 600; }
tr { break-inside: avoid; }
section { break-inside: auto; }
figure { margin: 2mm 0 5mm; break-inside: avoid; }
figcaption { font-style: italic; padding: 1mm 0; }
figure svg { max-width: 160mm; height: auto; display: block; }
footer { margin-top: 8mm; font-size: 9pt; font-style: italic; }
@media print { body { padding: 0; } th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
