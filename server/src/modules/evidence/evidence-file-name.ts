const MAX_LENGTH = 200;

/**
 * The name an uploaded file is kept and offered under. Browsers send whatever the user's disk
 * calls it, so: no path (`C:\…\a.pdf`, `../a.pdf`), no control characters, no characters Windows
 * refuses in a file name, and no bidirectional overrides — U+202E turns "báo cáo‮fdp.exe" into
 * what looks like "báo cáoexe.pdf". Vietnamese letters are kept, in NFC so that "ệ" typed on a
 * Mac matches the one typed on Windows.
 */
export function sanitiseFileName(raw: string | undefined): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = name
    // Control characters, and format characters: bidi overrides and marks, zero-width spaces, BOM.
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  let base = dot > 0 ? name.slice(0, dot).trim() : name;
  if (base === '') base = 'tệp';
  if ([...base].length + [...extension].length > MAX_LENGTH) {
    base = [...base]
      .slice(0, Math.max(1, MAX_LENGTH - [...extension].length))
      .join('')
      .trim();
  }
  return base + extension;
}
