// CSV of a table as shown, for Excel: UTF-8 with a byte-order mark (so Excel reads the Chinese),
// CRLF line ends, numbers without thousands separators (a cell's data-value when it has one).
export const BOM = '\uFEFF';

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "22,694,972" → "22694972"; other text as it is. */
function plain(text: string): string {
  const t = text.trim();
  return /^[−-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '').replace('−', '-') : t;
}

export function tableCsv(table: HTMLTableElement): string {
  const lines: string[] = [];
  for (const row of Array.from(table.rows)) {
    const cells = Array.from(row.cells).map((c) => {
      const v = (c as HTMLElement).dataset.value;
      // buttons in a header cell are not data
      const text = v ?? Array.from(c.childNodes).filter((n) => !(n instanceof HTMLElement && n.querySelector('button'))).map((n) => n.textContent ?? '').join(' ');
      return cell(plain(text.replace(/\s+/g, ' ')));
    });
    lines.push(cells.join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
